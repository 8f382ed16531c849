package rules

// TextKind says where in an article a piece of prose sits.
type TextKind string

const (
	KindTitle     TextKind = "title"
	KindSummary   TextKind = "summary"
	KindParagraph TextKind = "paragraph"
	KindHeading   TextKind = "heading"
	KindCaption   TextKind = "caption"
	KindQuote     TextKind = "quote"
	KindListItem  TextKind = "list-item"
	KindFootnote  TextKind = "footnote"
)

// Text is one string of prose in a record, in reading order.
type Text struct {
	Kind  TextKind
	Node  *Node // the string node; Node.Str is the text
	Block int   // index in /body, or -1 outside the body
	Item  int   // index in a list block's items, or -1

	// Speaker is the speaker member of a quote block, if any.
	Speaker *Node
	// FootnoteID is the id of the footnote whose text this is.
	FootnoteID string
}

// Value is the decoded text.
func (t Text) Value() string { return t.Node.Str }

// Span maps the decoded byte range [i, j) of the text to a file span.
func (t Text) Span(i, j int) Span { return t.Node.SpanOf(i, j) }

// Pointer is the JSON Pointer of the text's value.
func (t Text) Pointer() string { return t.Node.Pointer }

// Texts lists the prose of the record in reading order: title, summary,
// body blocks (paragraphs, headings, captions, quotes, list items), then
// footnotes. Values of the wrong type are skipped; the schema reports them.
func (r *Record) Texts() []Text {
	if r.texts != nil {
		return r.texts
	}
	texts := []Text{}
	add := func(kind TextKind, n *Node, block, item int) *Text {
		if n == nil || n.Kind != String {
			return nil
		}
		texts = append(texts, Text{Kind: kind, Node: n, Block: block, Item: item})
		return &texts[len(texts)-1]
	}
	add(KindTitle, r.Root.Get("title"), -1, -1)
	add(KindSummary, r.Root.Get("summary"), -1, -1)
	if body := r.Root.Get("body"); body != nil && body.Kind == Array {
		for bi, b := range body.Items {
			switch b.Kind {
			case String:
				add(KindParagraph, b, bi, -1)
			case Object:
				typ := b.Get("type")
				if typ == nil || typ.Kind != String {
					continue
				}
				switch TextKind(typ.Str) {
				case KindParagraph, KindHeading, KindCaption:
					add(TextKind(typ.Str), b.Get("text"), bi, -1)
				case KindQuote:
					if t := add(KindQuote, b.Get("text"), bi, -1); t != nil {
						if sp := b.Get("speaker"); sp != nil && sp.Kind == String {
							t.Speaker = sp
						}
					}
				case "list":
					if items := b.Get("items"); items != nil && items.Kind == Array {
						for ii, it := range items.Items {
							add(KindListItem, it, bi, ii)
						}
					}
				}
			}
		}
	}
	if notes := r.Root.Get("footnotes"); notes != nil && notes.Kind == Array {
		for _, fn := range notes.Items {
			if t := add(KindFootnote, fn.Get("text"), -1, -1); t != nil {
				if id := fn.Get("id"); id != nil && id.Kind == String {
					t.FootnoteID = id.Str
				}
			}
		}
	}
	r.texts = texts
	return texts
}
