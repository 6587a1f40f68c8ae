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
		bad("systemctl", CommandNotFound, "systemctl", "sh: 1: systemctl: not found"),
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

// Outputs of `systemctl is-active crashy steady` followed by the Probe,
// captured from systemd 252 (Debian 12) while crashy exited every 2 s
// (Restart=on-failure, RestartSec=1) and steady kept running.
const (
	showUp = `active
active
MainPID=57
NRestarts=0
Id=crashy.service
ActiveState=active
SubState=running

MainPID=59
NRestarts=0
Id=steady.service
ActiveState=active
SubState=running
`
	showAutoRestart = `activating
active
MainPID=0
NRestarts=1
Id=crashy.service
ActiveState=activating
SubState=auto-restart

MainPID=59
NRestarts=0
Id=steady.service
ActiveState=active
SubState=running
`
	showRestarted = `active
active
MainPID=75
NRestarts=1
Id=crashy.service
ActiveState=active
SubState=running

MainPID=59
NRestarts=0
Id=steady.service
ActiveState=active
SubState=running
`
)

func TestSystemdActiveIdentityFromShow(t *testing.T) {
	c := &SystemdActive{Units: []string{"crashy", "steady"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	up := c.Evaluate(Output{Text: showUp, Exit: 0})
	again := c.Evaluate(Output{Text: showRestarted, Exit: 0})
	if !up.Pass || !again.Pass {
		t.Fatalf("both looks are active: %+v %+v", up, again)
	}
	// What the engine compares: the restart shows as another identity.
	if up.Identity == "" || up.Identity == again.Identity {
		t.Errorf("identities %q and %q must differ", up.Identity, again.Identity)
	}
	if want := "crashy pid 57, restarts 0; steady pid 59, restarts 0"; up.Identity != want {
		t.Errorf("identity %q, want %q", up.Identity, want)
	}
	down := c.Evaluate(Output{Text: showAutoRestart, Exit: 3})
	if down.Pass || down.Items[0].Reason.Code != UnitRestarting || down.Items[0].Reason.Args[0] != "1" {
		t.Errorf("auto-restart: %+v", down)
	}
	// Units are matched by Id, whatever order systemd prints them in.
	swapped := &SystemdActive{Units: []string{"steady", "crashy"}}
	if r := swapped.Evaluate(Output{Text: showAutoRestart, Exit: 3}); r.Items[0].OK != true || r.Items[1].OK {
		t.Errorf("by Id: %+v", r)
	}
	// A pasted `systemctl is-active` alone still judges the moment.
	if r := c.Evaluate(Output{Text: "active\nactive\n", Exit: 0}); !r.Pass || r.Identity != "" {
		t.Errorf("is-active only: %+v", r)
	}
	if got := c.Probe(); got != "systemctl show --property=Id,ActiveState,SubState,NRestarts,MainPID crashy steady" {
		t.Errorf("probe %q", got)
	}
}
