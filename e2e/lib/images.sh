# The two images the smoke test pulls, built offline and served by a small
# registry on the bridge: registry.k8s.io/pause (containerd's sandbox) from a
# tiny Go program, and docker.io/library/nginx:latest from Debian 12's nginx
# and the libraries it links. Sourced by e2e/run.sh after mirror.sh.

IMAGES_BIN=$CACHE/images-bin
STORE=$CACHE/registry
REGISTRY_ADDR=$GATEWAY:5000

build_image_tools() {
  mkdir -p "$IMAGES_BIN"
  (cd "$E2E/images" && CGO_ENABLED=0 go build -trimpath -o "$IMAGES_BIN/" ./pause ./registry ./mkimage)
}

nginx_root() {
  local root=$1 lib
  mkdir -p "$root"/{usr/sbin,etc/nginx,usr/share/nginx/html,var/log/nginx,var/lib/nginx,run,tmp,lib64,lib/x86_64-linux-gnu}
  chmod 1777 "$root/tmp"
  install -m 755 "$DEBS/root/usr/sbin/nginx" "$root/usr/sbin/nginx"
  # the libraries it links, from this Debian 12 machine (the same release)
  for lib in $(ldd "$DEBS/root/usr/sbin/nginx" | awk '$3 ~ /^\// { print $3 }'); do
    cp -L "$lib" "$root/lib/x86_64-linux-gnu/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
  printf 'root:x:0:\n' > "$root/etc/group"
  # as the official image: access log on stdout (kubectl logs), errors on stderr
  cat > "$root/etc/nginx/nginx.conf" <<'EOF'
user root;
worker_processes 1;
error_log /dev/stderr notice;
events { worker_connections 64; }
http {
    default_type text/html;
    access_log /dev/stdout combined;
    server {
        listen 80 default_server;
        root /usr/share/nginx/html;
        index index.html;
    }
}
EOF
  printf '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n<body><h1>Welcome to nginx!</h1></body></html>\n' \
    > "$root/usr/share/nginx/html/index.html"
}

build_images() {
  [ -f "$STORE/refs/library/nginx/latest" ] && [ -f "$STORE/refs/pause/3.6" ] && return 0
  local t0 stage
  t0=$(now)
  build_image_tools
  stage=$(mktemp -d)
  mkdir -p "$stage/pause"
  install -m 755 "$IMAGES_BIN/pause" "$stage/pause/pause"
  # 3.6 is containerd 1.6's sandbox image; the others are what newer
  # kubelets and containerds name
  "$IMAGES_BIN/mkimage" -store "$STORE" -root "$stage/pause" \
    -config '{"Entrypoint":["/pause"],"User":"65535:65535"}' \
    pause:3.6 pause:3.8 pause:3.9 pause:3.10 >/dev/null
  nginx_root "$stage/nginx"
  "$IMAGES_BIN/mkimage" -store "$STORE" -root "$stage/nginx" \
    -config '{"Cmd":["nginx","-g","daemon off;"],"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"ExposedPorts":{"80/tcp":{}},"StopSignal":"SIGQUIT"}' \
    library/nginx:latest >/dev/null
  rm -rf "$stage"
  log "images built in $(since "$t0")s: $STORE"
}

registry_start() {
  [ -x "$IMAGES_BIN/registry" ] || build_image_tools
  "$IMAGES_BIN/registry" -store "$STORE" -listen "$REGISTRY_ADDR" >"$WORK/registry.log" 2>&1 &
  echo $! > "$WORK/registry.pid"
  local i
  for ((i = 0; i < 50; i++)); do
    curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the image registry did not start: $(tail -3 "$WORK/registry.log")"
}

registry_stop() {
  [ -f "$WORK/registry.pid" ] && kill "$(cat "$WORK/registry.pid")" 2>/dev/null || true
  rm -f "$WORK/registry.pid"
}
