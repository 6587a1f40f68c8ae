package locales

// ja is the Japanese catalog.
var ja = map[string]string{}
