package check

import "testing"

var controllerUnits = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler"}

type systemdCase struct {
	units []string
	evalCase
}

// Outputs of `systemctl is-active UNIT...`: one state per unit, in order;
// the exit status is 0 only when all are active.
var systemdCases = []systemdCase{
	{controllerUnits, evalCase{"all active", ran("active\nactive\nactive\n", 0), true, []want{
		pass("kube-apiserver", UnitActive), pass("kube-controller-manager", UnitActive), pass("kube-scheduler", UnitActive),
	}}},
	{[]string{"kubelet"}, evalCase{"current docs: kubelet", pasted("active\n"), true, []want{pass("kubelet", UnitActive)}}},
	{[]string{"etcd"}, evalCase{"over a PTY", ran("active\r\n", 0), true, []want{pass("etcd", UnitActive)}}},
	{controllerUnits, evalCase{"apiserver still starting (Type=notify)", ran("activating\nactive\nactive\n", 3), false, []want{
		bad("kube-apiserver", UnitActivating, "activating"), pass("kube-controller-manager", UnitActive), pass("kube-scheduler", UnitActive),
	}}},
	{controllerUnits, evalCase{"scheduler failed", ran("active\nactive\nfailed\n", 3), false, []want{
		pass("kube-apiserver", UnitActive), pass("kube-controller-manager", UnitActive), bad("kube-scheduler", UnitFailed),
	}}},
	{[]string{"containerd", "kubelet", "kube-proxy"}, evalCase{"kube-proxy never started", ran("active\nactive\ninactive\n", 3), false, []want{
		pass("containerd", UnitActive), pass("kubelet", UnitActive), bad("kube-proxy", UnitInactive, "inactive"),
	}}},
	{[]string{"nginx"}, evalCase{"old systemd: unknown unit", ran("unknown\n", 3), false, []want{bad("nginx", UnitInactive, "unknown")}}},
	{[]string{"etcd"}, evalCase{"deactivating", ran("deactivating\n", 3), false, []want{bad("etcd", UnitOther, "deactivating")}}},
	{[]string{"kubelet"}, evalCase{"reloading", ran("reloading\n", 0), false, []want{bad("kubelet", UnitActivating, "reloading")}}},
	{[]string{"containerd", "kubelet", "kube-proxy"}, evalCase{"fewer lines than units", ran("active\nactive\n", 0), false, []want{
		pass("containerd", UnitActive), pass("kubelet", UnitActive), bad("kube-proxy", UnitNoState),
	}}},
	{[]string{"etcd"}, evalCase{"empty", ran("", 0), false, []want{bad("systemctl", EmptyOutput)}}},
	{[]string{"etcd"}, evalCase{"empty, exit 4", ran("", 4), false, []want{bad("systemctl", CommandFailed, "4", "")}}},
	{[]string{"etcd"}, evalCase{"no systemd in a container", ran("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n", 1), false, []want{
		bad("etcd", UnitNoState),
	}}},
	{[]string{"etcd"}, evalCase{"systemctl missing", ran("sh: 1: systemctl: not found\n", 127), false, []want{
		bad("systemctl", CommandNotFound, "sh: 1: systemctl: not found"),
	}}},
}

func TestSystemdActive(t *testing.T) {
	for _, tc := range systemdCases {
		t.Run(tc.name, func(t *testing.T) {
			c := &SystemdActive{Units: tc.units}
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

func TestSystemdActiveValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"no units", &SystemdActive{}, true},
		{"one", &SystemdActive{Units: []string{"etcd"}}, false},
		{"three", &SystemdActive{Units: controllerUnits}, false},
	})
}
