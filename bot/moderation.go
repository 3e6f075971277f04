package bot

import "context"

// Button and select actions of the moderators' loop (see handlers): the
// author's "Ask a moderator", and what moderators do with the post it
// makes in their channel.
const (
	ActionHandoff  = "handoff"     // value: the gap's id
	ActionModReply = "mod-reply"   // value: the handoff's id; opens a Modal
	ActionModSend  = "mod-send"    // a Modal's submission: the answer
	ActionResolve  = "mod-resolve" // value: the handoff's id
	ActionLearn    = "mod-learn"   // a Select: "handoff id/topic"
	ActionUnlearn  = "mod-unlearn" // value: the example's id
	// The moderators' form for a topic (/admin topic edit without a
	// value): its submission previews the answer, whose buttons save or
	// drop the draft.
	ActionTopicForm   = "kb-form"   // a Modal's submission: value "topic/lang"
	ActionTopicSave   = "kb-save"   // value: the draft's id
	ActionTopicCancel = "kb-cancel" // value: the draft's id
)

// Mention is a block that names a user of the platform the reply is
// shown on so that readers can reach them: a mention on Slack and
// Discord (which notifies no one, the bot posting with mentions
// switched off where the platform lets it), the name on the console.
type Mention struct {
	Label string // e.g. "Asked by"
	User  User
}

func (*Mention) block() {}

// Select is a menu of options under a reply. Choosing one comes back as a
// Request with Action set and Options["value"] = Value + "/" + the
// option's Value. A Select holds at most MaxSelectOptions; a longer list
// is several Selects.
type Select struct {
	Action      string
	Value       string
	Placeholder string
	Options     []SelectOption
}

// SelectOption is one choice of a Select.
type SelectOption struct {
	Label, Value string
}

// MaxSelectOptions is the most options a Select holds: Discord's limit
// (Slack's is 100).
const MaxSelectOptions = 25

// Modal asks the presser of a button for a text in a dialog of its own.
// A reply with a Modal opens it rather than showing anything; submitting
// it comes back as a Request with Action set, Options["value"] = Value
// and Options["text"] = what was typed. A platform without dialogs shows
// the reply's blocks instead.
type Modal struct {
	Action      string
	Value       string
	Title       string // at most 24 characters on Slack, 45 on Discord
	Label       string // the text box's label
	Placeholder string
	Submit      string // the submit button's label
	MaxLength   int
	// Fields, when set, are the modal's text boxes instead of the one
	// Label names, each prefilled with its Value: submitting it comes
	// back with Options[ID] = what each holds. At most MaxModalFields.
	Fields []ModalField
}

// ModalField is one text box of a Modal of several.
type ModalField struct {
	ID          string // the option its text comes back in; not "value" or "text"
	Label       string
	Value       string // what the box holds when the modal opens
	Placeholder string
	MaxLength   int // at most ModalFieldText
	Multiline   bool
	Optional    bool
}

// MaxModalFields is the most text boxes a Modal holds (Discord's limit;
// Slack's is larger), and ModalFieldText the most characters each takes
// (Discord's limit for a text input).
const (
	MaxModalFields = 5
	ModalFieldText = 4000
)

// ModalText is the largest text a Modal takes when it sets no MaxLength.
const ModalText = 3000

// Moderators is an optional adapter ability: posting to the moderators'
// channel that the platform's settings name. An adapter without a
// moderators' channel does not implement it, or returns an error from
// Check.
type Moderators interface {
	// PostModerators posts r to the moderators' channel of workspace
	// ("" when the platform has one channel) and returns what names the
	// post, for ReplyModerators.
	PostModerators(ctx context.Context, workspace string, r *Reply) (ref string, err error)
	// ReplyModerators posts r under the post ref: in its thread where the
	// platform has threads, as a reply to it otherwise.
	ReplyModerators(ctx context.Context, workspace, ref string, r *Reply) error
	// CheckModerators reports whether the bot can post to the channel: nil,
	// or an error saying what is wrong, written for the operator and free
	// of secrets.
	CheckModerators(ctx context.Context) error
}

// IsModerator reports whether req comes from one of the community's
// moderators: the console's operator always (they hold the database),
// on a chat platform whoever the adapter's Moderator check says.
func (r *Request) IsModerator(ctx context.Context) bool {
	if r.User.Platform == Console {
		return true
	}
	return r.Moderator != nil && r.Moderator(ctx)
}
