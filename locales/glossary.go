package locales

import _ "embed"

// Glossary is the glossary and style sheet of the Korean and Japanese text
// (glossary.yaml): preferred terms, refused variants, register, spacing and
// punctuation, each with its reason. The lint of package steps enforces it.
//
//go:embed glossary.yaml
var Glossary []byte
