package locales

import "errors"

// Error is an error whose words live in the catalogs: packages below the
// faces (the engine, progress) return it, and each face says it in the
// learner's language with Localize. Error() is the English text, for logs.
type Error struct {
	Key  string
	Args []string
}

// Errorf makes an Error from a message key and its arguments.
func Errorf(key string, args ...string) error { return Error{Key: key, Args: args} }

func (e Error) Error() string { return Msg(EN, e.Key, e.Args...) }

// Localize says err in language l: the first Error in its chain, in l, with
// what wraps it kept as it is; any other error as it is.
func Localize(l Lang, err error) string {
	if err == nil {
		return ""
	}
	var le Error
	if errors.As(err, &le) {
		return Msg(l, le.Key, le.Args...)
	}
	return err.Error()
}
