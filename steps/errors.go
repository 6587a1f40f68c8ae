package steps

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
)

// Error is a problem in content, located at file:line.
type Error struct {
	File string
	Line int // 0 when the problem is the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every problem found in one load or lint, in file order.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (es *Errors) add(file string, line int, format string, args ...any) {
	*es = append(*es, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// addYAML turns a go-yaml error into file:line plus its message, without the
// source excerpt go-yaml would print.
func (es *Errors) addYAML(file string, err error) {
	var own *Error
	if errors.As(err, &own) {
		es.add(file, own.Line, "%s", own.Msg)
		return
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		es.add(file, line, "%s", ye.GetMessage())
		return
	}
	es.add(file, 0, "%v", err)
}

func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
