package bot

import (
	"errors"
	"fmt"

	"github.com/authorbot/authorbot/i18n"
)

// Error codes a handler can return. Every code but Internal carries a
// message written for the author; Internal hides its cause.
const (
	Invalid   = "invalid"   // the author typed something the bot cannot accept
	NotFound  = "not_found" // no such order, topic or reminder for this author
	Conflict  = "conflict"  // the action does not fit the current state
	Forbidden = "forbidden" // the author may not do this
	Internal  = "internal"  // a fault on our side; the message is generic
)

// Error is an error with a code and a message safe to show in a chat.
type Error struct {
	Code string
	// Message is the text shown to the author: written in the author's
	// language by whoever knew it, in English otherwise.
	Message string
	// Msg, when its ID is set, is the catalog message Message was written
	// from, so that it can be written again in the author's language
	// (ErrorIn) once that is known.
	Msg i18n.Message
}

func (e *Error) Error() string { return e.Message }

// newError is the error for the catalog message id with its arguments,
// its Message written in English: the grammar does not know the author's
// language, and whoever does writes it again (ErrorIn).
func newError(code, id string, args ...any) *Error {
	m := i18n.M(id, args...)
	return &Error{Code: code, Message: i18n.Default().Text(i18n.Source, m), Msg: m}
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: its *Error's code when it wraps one,
// Internal otherwise, "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// ErrorIn returns the message of err that is safe to show an author,
// written in lang when err carries its catalog message (Error.Msg) and the
// embedded catalog has lang (i18n.Default); its Message otherwise, and ""
// for an internal fault. lang "" keeps the Message as it was written.
func ErrorIn(err error, lang string) string {
	var e *Error
	if !errors.As(err, &e) || e.Code == Internal {
		return ""
	}
	if lang == "" || e.Msg.ID == "" {
		return e.Message
	}
	return i18n.Default().Text(lang, e.Msg)
}

// ErrorMessage returns the message of err that is safe to show an author:
// its *Error's message, or "" when err carries none (an internal fault).
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return ""
}
