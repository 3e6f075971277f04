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

// ErrorMessage returns the message of err that is safe to show an author:
// its *Error's message, or "" when err carries none (an internal fault).
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return ""
}
