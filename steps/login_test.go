package steps

import "testing"

func TestLoginOnly(t *testing.T) {
	for _, c := range []struct {
		block string
		login bool
	}{
		{"ssh root@server\n", true},
		{"gcloud compute ssh controller-0\n", true},
		{"vagrant ssh k8s-client\n", true},
		{"ssh k8s-controller-1\n", true},
		{"su - root\n", true},
		{"gcloud compute ssh controller-0\n\n$USER@controller-0:~$ exit\n", true},
		{"systemctl status kube-apiserver\n", false},
		{"journalctl -u kube-apiserver\n", false},
		{"ssh root@server 'etcdctl member list'\n", false},
		{"source /opt/k8s/bin/environment.sh\n", false},
		{"", false},
	} {
		if got := loginOnly([]string{c.block}); got != c.login {
			t.Errorf("loginOnly(%q) = %v, want %v", c.block, got, c.login)
		}
	}
}
