package steps

import "strings"

// command is one simple command of a block, as far as Fetches needs it: its
// words with quotes removed, where its output goes, and its line.
type command struct {
	words        []string
	line         int  // 1-based within the block
	stdoutToFile bool // > FILE (not /dev/null)
	pipeTo       []string
}

// splitCommands cuts a bash block into simple commands. It knows quotes,
// escapes, line continuations, comments, command substitutions (kept whole
// inside their word), redirections and here-documents (whose bodies, unit
// files and configs full of URLs, are data, not commands). It is not a full
// shell parser: loops and conditions are flattened to the commands inside.
func splitCommands(src string) []command {
	s := &splitter{src: src, line: 1, pipeFrom: -1}
	s.run()
	return s.cmds
}

type redirectKind int

const (
	noRedirect redirectKind = iota
	stdoutRedirect
	otherRedirect
)

type heredoc struct {
	delim     string
	stripTabs bool
}

type splitter struct {
	src      string
	i        int
	line     int
	cmds     []command
	cur      command
	word     strings.Builder
	inWord   bool
	redirect redirectKind
	heredocs []heredoc
	pipeFrom int // the command whose output goes into the next one, or -1
}

func (s *splitter) peek(off int) byte {
	if s.i+off < len(s.src) {
		return s.src[s.i+off]
	}
	return 0
}

// start begins (or continues) a word; a command's line is its first word's.
func (s *splitter) start() {
	if !s.inWord && s.cur.line == 0 && s.redirect == noRedirect {
		s.cur.line = s.line
	}
	s.inWord = true
}

func (s *splitter) add(b byte) {
	s.start()
	s.word.WriteByte(b)
}

func (s *splitter) run() {
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\\':
			if s.peek(1) == '\n' {
				s.line++ // a continuation: the command goes on
			} else if s.peek(1) != 0 {
				s.add(s.peek(1))
			}
			s.i += 2
			continue
		case c == '\'':
			s.quoted('\'')
			continue
		case c == '"':
			s.quoted('"')
			continue
		case c == '$' && (s.peek(1) == '(' || s.peek(1) == '{'):
			s.substitution()
			continue
		case c == '`':
			s.add(c)
			s.i++
			for s.i < len(s.src) && s.src[s.i] != '`' {
				s.countLine(s.src[s.i])
				s.add(s.src[s.i])
				s.i++
			}
			s.add('`')
		case c == '#' && !s.inWord:
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
			continue
		case c == ' ' || c == '\t':
			s.endWord()
		case c == '\n':
			s.endCommand(false)
			s.line++
			s.i++
			s.skipHeredocs()
			continue
		case c == '&' && s.peek(1) == '>':
			s.endWord()
			s.redirect = stdoutRedirect
			s.i += 2
			if s.peek(0) == '>' {
				s.i++
			}
			continue
		case c == ';' || c == '&' || c == '(' || c == ')':
			s.endCommand(false)
			if c == '&' && s.peek(1) == '&' {
				s.i++
			}
		case c == '|':
			pipe := s.peek(1) != '|'
			s.endCommand(pipe)
			if s.peek(1) == '|' || s.peek(1) == '&' {
				s.i++
			}
		case c == '>':
			s.redirectOut()
			continue
		case c == '<':
			s.redirectIn()
			continue
		default:
			s.add(c)
		}
		s.i++
	}
	s.endCommand(false)
}

func (s *splitter) countLine(b byte) {
	if b == '\n' {
		s.line++
	}
}

// quoted reads a quoted string into the current word.
func (s *splitter) quoted(q byte) {
	s.start() // an empty quoted string is still a word
	s.i++
	for s.i < len(s.src) && s.src[s.i] != q {
		c := s.src[s.i]
		if q == '"' && c == '\\' && strings.IndexByte("\"\\$`\n", s.peek(1)) >= 0 {
			s.i++
			c = s.src[s.i]
			if c == '\n' {
				s.line++
				s.i++
				continue
			}
		}
		s.countLine(c)
		s.word.WriteByte(c)
		s.i++
	}
	s.i++ // the closing quote
}

// substitution keeps $( ... ) or ${ ... } whole in the current word: its
// value is the shell's, so the word is no literal.
func (s *splitter) substitution() {
	open, close := s.src[s.i+1], byte(')')
	if open == '{' {
		close = '}'
	}
	s.add('$')
	s.add(open)
	s.i += 2
	for depth := 1; s.i < len(s.src) && depth > 0; s.i++ {
		c := s.src[s.i]
		switch c {
		case open:
			depth++
		case close:
			depth--
		}
		s.countLine(c)
		s.add(c)
	}
}

func (s *splitter) redirectOut() {
	fd := "1"
	if s.inWord && allDigits(s.word.String()) {
		fd = s.word.String()
		s.word.Reset()
		s.inWord = false
	} else {
		s.endWord()
	}
	s.i++
	if s.peek(0) == '>' || s.peek(0) == '|' {
		s.i++
	}
	if s.peek(0) == '&' { // >&2: a copy of another descriptor
		s.i++
		s.redirect = otherRedirect
		return
	}
	if fd == "1" {
		s.redirect = stdoutRedirect
	} else {
		s.redirect = otherRedirect
	}
}

func (s *splitter) redirectIn() {
	s.endWord()
	switch {
	case strings.HasPrefix(s.src[s.i:], "<<<"):
		s.i += 3
		s.redirect = otherRedirect
	case strings.HasPrefix(s.src[s.i:], "<<"):
		s.i += 2
		h := heredoc{}
		if s.peek(0) == '-' {
			h.stripTabs = true
			s.i++
		}
		for s.peek(0) == ' ' || s.peek(0) == '\t' {
			s.i++
		}
		var d strings.Builder
		for s.i < len(s.src) && strings.IndexByte(" \t\n;|&<>()", s.src[s.i]) < 0 {
			if c := s.src[s.i]; c != '\'' && c != '"' && c != '\\' {
				d.WriteByte(c)
			}
			s.i++
		}
		h.delim = d.String()
		s.heredocs = append(s.heredocs, h)
	default:
		s.i++
		s.redirect = otherRedirect
	}
}

// skipHeredocs passes over the bodies of the here-documents the line that
// just ended opened.
func (s *splitter) skipHeredocs() {
	for _, h := range s.heredocs {
		for s.i < len(s.src) {
			end := strings.IndexByte(s.src[s.i:], '\n')
			var ln string
			if end < 0 {
				ln, s.i = s.src[s.i:], len(s.src)
			} else {
				ln, s.i = s.src[s.i:s.i+end], s.i+end+1
			}
			s.line++
			if h.stripTabs {
				ln = strings.TrimLeft(ln, "\t")
			}
			if ln == h.delim {
				break
			}
		}
	}
	s.heredocs = nil
}

func (s *splitter) endWord() {
	if !s.inWord {
		return // a redirection still waits for its target
	}
	w := s.word.String()
	s.word.Reset()
	s.inWord = false
	switch s.redirect {
	case stdoutRedirect:
		if w != "/dev/null" {
			s.cur.stdoutToFile = true
		}
	case otherRedirect:
	default:
		s.cur.words = append(s.cur.words, w)
		return
	}
	s.redirect = noRedirect
}

func (s *splitter) endCommand(pipe bool) {
	s.endWord()
	s.redirect = noRedirect
	if len(s.cur.words) > 0 {
		if s.pipeFrom >= 0 {
			s.cmds[s.pipeFrom].pipeTo = s.cur.words
		}
		s.cmds = append(s.cmds, s.cur)
		s.pipeFrom = -1
		if pipe {
			s.pipeFrom = len(s.cmds) - 1
		}
	}
	s.cur = command{}
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
