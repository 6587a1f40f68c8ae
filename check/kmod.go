package check

import (
	"fmt"
	"strings"
)

// KernelModules checks that kernel modules are in the running kernel,
// loaded as modules or built in. `lsmod` (and /proc/modules) list only
// loadable modules, so on a kernel with br_netfilter built in it prints
// nothing although the module works; Probe asks the kernel both ways.
type KernelModules struct {
	Modules []string `yaml:"modules"`
}

const (
	ModuleLoaded  Code = "kmod.loaded"
	ModuleBuiltin Code = "kmod.builtin"
	ModuleMissing Code = "kmod.missing"
)

func init() {
	register("kernel-modules", "kernel modules in the running kernel: loaded (lsmod) or built in (modules.builtin)",
		func() Check { return &KernelModules{} })
}

func (c *KernelModules) Validate() error {
	if len(c.Modules) == 0 {
		return fmt.Errorf("modules: list the kernel modules that must be present")
	}
	for _, m := range c.Modules {
		if m == "" || strings.ContainsAny(m, " \t\n'\"$;&|<>`\\/*?[]") {
			return fmt.Errorf("modules: %q is not a module name", m)
		}
	}
	return nil
}

// moduleName is how the kernel names a module: modprobe accepts
// br-netfilter, the kernel lists br_netfilter.
func moduleName(m string) string { return strings.ReplaceAll(m, "-", "_") }

// builtinProof is what a module puts in the running kernel, for kernels
// that list neither loaded modules (/proc/modules) nor built-in ones
// (no /lib/modules, as in many containers and custom kernels).
var builtinProof = map[string]string{
	"br_netfilter": "[ -e /proc/sys/net/bridge/bridge-nf-call-iptables ]",
	"ip_vs":        "[ -e /proc/net/ip_vs ]",
	"overlay":      "grep -qw overlay /proc/filesystems",
}

// Probe prints "kernel module NAME: loaded|built-in|missing" for each
// module: loaded when /proc/modules lists it; else built in when the
// kernel's modules.builtin lists it, /sys/module has it (a built-in module
// with parameters), or what it provides is there.
func (c *KernelModules) Probe() string {
	var b strings.Builder
	for i, m := range c.Modules {
		n := moduleName(m)
		if i > 0 {
			b.WriteString("\n")
		}
		builtin := `grep -q "/$m\.ko" "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null || [ -d "/sys/module/$m" ]`
		if p := builtinProof[n]; p != "" {
			builtin += " || " + p
		}
		b.WriteString(`m=` + n + `; if grep -q "^$m " /proc/modules 2>/dev/null; then s=loaded; elif ` + builtin +
			`; then s=built-in; else s=missing; fi; echo "kernel module $m: $s"`)
	}
	return b.String()
}

func (c *KernelModules) Evaluate(out Output) Result {
	state := map[string]string{}
	for _, l := range lines(out.Text) {
		t := strings.TrimSpace(l)
		if rest, found := strings.CutPrefix(t, "kernel module "); found {
			if name, s, found := strings.Cut(rest, ": "); found {
				state[name] = s
			}
			continue
		}
		// lsmod's own lines (a pasted output): "br_netfilter  32768  0".
		if f := strings.Fields(t); len(f) >= 2 && state[f[0]] == "" && isNumber(f[1]) {
			state[f[0]] = "loaded"
		}
	}
	var items []Item
	for _, m := range c.Modules {
		n := moduleName(m)
		switch state[n] {
		case "loaded":
			items = append(items, ok(n, ModuleLoaded))
		case "built-in":
			items = append(items, ok(n, ModuleBuiltin))
		default:
			items = append(items, fail(n, ModuleMissing))
		}
	}
	return result(items)
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
