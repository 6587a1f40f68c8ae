package check

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Version checks the API server's `/version` JSON: its gitVersion is the
// track's Kubernetes version. Other fields (commit, build date, platform)
// differ between builds and are not compared.
type Version struct {
	GitVersion string `yaml:"gitVersion"`
}

const (
	VersionOK      Code = "version.ok"
	VersionWrong   Code = "version.wrong"
	VersionNoJSON  Code = "version.no_json"
	VersionAPIErr  Code = "version.api_error"
	VersionNoField Code = "version.no_git_version"
)

func init() {
	register("version", "the API server's `/version` JSON: gitVersion as expected",
		func() Check { return &Version{} })
}

func (c *Version) Validate() error {
	if !strings.HasPrefix(c.GitVersion, "v") {
		return fmt.Errorf("gitVersion: want a version such as v1.15.3, got %q", c.GitVersion)
	}
	return nil
}

func (c *Version) Evaluate(out Output) Result {
	text := StripANSI(out.Text)
	i := strings.Index(text, "{")
	j := strings.LastIndex(text, "}")
	if i < 0 || j < i {
		if msg := curlError(text); msg != "" {
			return result([]Item{fail("version", HTTPCurlError, msg)})
		}
		if it, bad := preflight("version", out); bad {
			return result([]Item{it})
		}
		return result([]Item{fail("version", VersionNoJSON, firstLine(text))})
	}
	var v struct {
		GitVersion string `json:"gitVersion"`
		Kind       string `json:"kind"`
		Message    string `json:"message"`
		Code       int    `json:"code"`
	}
	if err := json.Unmarshal([]byte(text[i:j+1]), &v); err != nil {
		return result([]Item{fail("version", VersionNoJSON, firstLine(text))})
	}
	switch {
	case v.Kind == "Status":
		return result([]Item{fail("version", VersionAPIErr, fmt.Sprint(v.Code), v.Message)})
	case v.GitVersion == "":
		return result([]Item{fail("version", VersionNoField)})
	case v.GitVersion != c.GitVersion:
		return result([]Item{fail("gitVersion", VersionWrong, v.GitVersion, c.GitVersion)})
	}
	return result([]Item{ok("gitVersion", VersionOK, v.GitVersion)})
}
