package bot

import "strings"

// MessageCommand is the name of the message command (Discord) and the
// message shortcut (Slack) that answers a message posted in a channel, in
// place: an author posts "my cart is empty!!" in a help channel, and
// whoever presses it sees the answer privately, with a button that posts
// it publicly as a reply in the message's thread. Its name in the other
// languages is the catalog's (message_command.name).
const MessageCommand = "Answer with authorbot"

// Thread is a message posted in a channel, that an answer replies to.
type Thread struct {
	Channel string // the channel's id
	// Message is what a reply names to be one: on Slack the ts of the
	// thread (the message's thread_ts, or its own ts when it starts
	// none); on Discord the message's id.
	Message string
}

// AskAbout is the request that answers a posted message: /ask with the
// message's text as the question, so that it gets the same answer as the
// question typed, and Thread set to where a shared answer goes.
func AskAbout(user User, text string, t Thread) *Request {
	return &Request{
		User:    user,
		Command: "ask",
		Options: map[string]string{"question": text},
		Thread:  &t,
	}
}

// ActionReply is the share button of an answer to a posted message (see
// InThread). The router never sees it: adapters read it back as a share
// with Thread set (ParseReply).
const ActionReply = "reply"

// InThread returns the reply to a request that answers a posted message:
// r shown only to the presser, whose share buttons post in t's thread
// rather than in the channel. r is not changed (handlers may share their
// replies); the copy has no Key, its buttons being its own.
func InThread(r *Reply, t Thread) *Reply {
	c := *r
	c.Ephemeral = true
	c.Key = ""
	c.Buttons = make([]Button, len(r.Buttons))
	for i, b := range r.Buttons {
		if b.Action == ActionShare {
			b.Action, b.Value = ActionReply, t.Channel+"/"+t.Message+"/"+b.Value
		}
		c.Buttons[i] = b
	}
	return &c
}

// ParseReply reads the value of an ActionReply button into the share
// request it stands for: Action ActionShare with the share button's own
// value, and Thread set. req is changed in place; ok is false for a value
// InThread did not make.
func ParseReply(req *Request) (ok bool) {
	channel, rest, ok1 := strings.Cut(req.Options["value"], "/")
	message, value, ok2 := strings.Cut(rest, "/")
	if !ok1 || !ok2 || channel == "" || message == "" {
		return false
	}
	req.Action = ActionShare
	req.Options["value"] = value
	req.Thread = &Thread{Channel: channel, Message: message}
	return true
}
