package locales

// ko is the Korean catalog.
var ko = map[string]string{}
