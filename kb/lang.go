package kb

import (
	"strings"
	"unicode"
)

// DetectLang guesses whether text is French or English from the words only
// one of the two languages uses, accents and elisions. It returns "fr" or
// "en", or "" when the text gives no clear sign (only names and numbers
// such as "KDP 999", or as many signs of each).
func DetectLang(text string) string {
	fr, en := langVotes(text)
	switch {
	case fr > en:
		return "fr"
	case en > fr:
		return "en"
	}
	return ""
}

// langVotes counts the signs of French and of English in text. Accents and
// elisions count double: English chat text almost never has them.
func langVotes(text string) (fr, en int) {
	lower := strings.ToLower(text)
	for _, r := range lower {
		switch r {
		case 'é', 'è', 'ê', 'à', 'â', 'ç', 'ù', 'û', 'ô', 'î', 'ï', 'ë', 'œ':
			fr += 2
		}
	}
	for _, w := range rawWords(lower) {
		w = fold(w) // also turns ’ into '
		if before, after, ok := strings.Cut(w, "'"); ok && before != "" && after != "" {
			if isElision(before) {
				fr += 2
				w = after
			} else {
				en++ // it's, don't, author's
				w = before
			}
		}
		switch {
		case frenchMarker(w):
			fr++
		case englishMarker(w):
			en++
		}
	}
	return fr, en
}

// rawWords splits lowercase text on everything but letters, digits and
// apostrophes, keeping accents so langVotes can see them.
func rawWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r != '\'' && r != '’' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// frenchMarker reports whether the folded word w is French and not English:
// function words and the words French authors use for this domain.
func frenchMarker(w string) bool {
	switch w {
	case "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "ou", "est", "sont",
		"je", "tu", "il", "elle", "nous", "vous", "ils", "elles", "mon", "ma", "mes", "ton", "ta",
		"ses", "notre", "nos", "votre", "vos", "leur", "ce", "cette", "ces", "ca", "qui", "que", "quoi",
		"quand", "comment", "pourquoi", "combien", "quel", "quelle", "quels", "quelles", "dans", "pour",
		"avec", "sans", "sur", "sous", "chez", "par", "pas", "ne", "plus", "mais", "donc", "tres",
		"puis", "peux", "peut", "puis-je", "dois", "doit", "faut", "fait", "faire", "avoir", "etre",
		"ai", "suis", "bonjour", "merci", "svp", "aussi", "encore", "deja", "toujours", "jamais", "rien",
		"commande", "commander", "commandes", "exemplaires", "exemplaire", "panier", "livraison",
		"livre", "livres", "auteur", "epreuve", "epreuves", "frais", "prix", "cout", "vide", "grise",
		"annuler", "modifier", "recu", "recevoir", "imprime", "impression", "expedition", "precommande",
		"mauvais", "abime", "endommage", "couverture", "revendre", "vendre", "quantite":
		return true
	}
	return false
}

// englishMarker reports whether the folded word w is English and not
// French.
func englishMarker(w string) bool {
	switch w {
	case "the", "an", "and", "or", "is", "are", "was", "were", "be", "been", "i", "my", "me", "we",
		"our", "you", "your", "it", "its", "they", "their", "this", "that", "these", "those", "what",
		"which", "who", "when", "where", "why", "how", "can", "could", "will", "would", "should", "do",
		"does", "did", "have", "has", "had", "of", "to", "in", "at", "for", "with", "from", "by",
		"not", "no", "but", "if", "there", "any", "some", "get", "got", "order", "ordered", "ordering",
		"orders", "copies", "copy", "author", "book", "books", "cart", "basket", "empty", "shipping",
		"delivery", "proof", "proofs", "cost", "price", "cancel", "missing", "button",
		"greyed", "wrong", "damaged", "received", "much", "many", "arrive", "buy", "sell",
		"quantity", "printed", "print", "cover", "please", "hi", "hello", "thanks":
		return true
	}
	return false
}
