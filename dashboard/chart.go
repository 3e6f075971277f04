package dashboard

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
)

// The overview's four plots are bar charts, drawn here as inline SVG. A
// charting library would bring either JavaScript to the page (Chart.js,
// go-echarts) or a large dependency for image output (gonum/plot); four
// bar charts need neither, and SVG drawn on the server shows without a
// script, scales with the page and can be read by screen readers (each
// chart has a title, each bar a tooltip with its figures).

// Colours of the two series: answered / Yes, declined / No. Chosen to
// stay apart for the common colour blindnesses (blue and orange).
const (
	colourA = "#1f6fb2"
	colourB = "#e07b00"
)

// bar is one row of a horizontal bar chart: a label and one or two
// stacked values.
type bar struct {
	Label string
	A, B  int
}

// feedbackBars are the ten topics with the most votes, most first.
func feedbackBars(list []TopicFeedback) []bar {
	var out []bar
	for _, f := range list {
		out = append(out, bar{Label: f.Topic, A: f.Yes, B: f.No})
	}
	return top(out, 10)
}

// countBars are the counts, most first.
func countBars(list []Count) []bar {
	var out []bar
	for _, c := range list {
		out = append(out, bar{Label: c.Name, A: c.N})
	}
	return top(out, 12)
}

// top sorts bars by their total, most first (then by label), and keeps n.
func top(bars []bar, n int) []bar {
	slices.SortFunc(bars, func(x, y bar) int {
		return cmp.Or(cmp.Compare(y.A+y.B, x.A+x.B), cmp.Compare(x.Label, y.Label))
	})
	return bars[:min(n, len(bars))]
}

// dayChart draws the questions per day as vertical bars, answered below
// and declined stacked on top; "" when there is no day with a question.
func dayChart(id, title string, days []DayCount, answered, declined string) template.HTML {
	peak := 0
	for _, d := range days {
		peak = max(peak, d.Answered+d.Declined)
	}
	if peak == 0 {
		return ""
	}
	const width, height, left, bottom, top = 640, 220, 40, 24, 28
	plotH := float64(height - bottom - top)
	step := float64(width-left-8) / float64(len(days))
	var b strings.Builder
	open(&b, id, title, width, height)
	legend(&b, left, answered, declined)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>`, left, height-bottom, width-8, height-bottom)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="11">%d</text>`, left-4, top+4, peak)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="11">0</text>`, left-4, height-bottom)
	for i, d := range days {
		x := float64(left) + float64(i)*step
		w := max(step*0.8, 1)
		hA := plotH * float64(d.Answered) / float64(peak)
		hB := plotH * float64(d.Declined) / float64(peak)
		y := float64(height - bottom)
		day := d.Day.UTC().Format("2006-01-02")
		fmt.Fprintf(&b, `<g><title>%s: %s %d, %s %d</title>`, day, esc(answered), d.Answered, esc(declined), d.Declined)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y-hA, w, hA, colourA)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/></g>`, x, y-hA-hB, w, hB, colourB)
		// The first, middle and last days are enough to read the axis.
		if i == 0 || i == len(days)-1 || i == len(days)/2 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="11">%s</text>`, x+w/2, height-6, d.Day.UTC().Format("01-02"))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text in it went through esc
}

// barChart draws horizontal bars, one row per bar with its label and
// total; labelA and labelB name the two series in a legend ("" for a
// chart of one series). "" when there are no bars.
func barChart(id, title string, bars []bar, labelA, labelB string) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	peak := 1
	for _, r := range bars {
		peak = max(peak, r.A+r.B)
	}
	const width, row, left, right = 640, 24, 200, 50
	top := 8
	if labelA != "" {
		top = 28
	}
	height := top + row*len(bars) + 4
	plotW := float64(width - left - right)
	var b strings.Builder
	open(&b, id, title, width, height)
	if labelA != "" {
		legend(&b, left, labelA, labelB)
	}
	for i, r := range bars {
		y := top + i*row
		wA := plotW * float64(r.A) / float64(peak)
		wB := plotW * float64(r.B) / float64(peak)
		tip := fmt.Sprintf("%s: %d", esc(r.Label), r.A)
		if labelA != "" {
			tip = fmt.Sprintf("%s: %s %d, %s %d", esc(r.Label), esc(labelA), r.A, esc(labelB), r.B)
		}
		fmt.Fprintf(&b, `<g><title>%s</title>`, tip)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="12">%s</text>`, left-6, y+15, esc(trim(r.Label, 30)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, left, y+3, wA, row-6, colourA)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`, float64(left)+wA, y+3, wB, row-6, colourB)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12">%d</text></g>`, float64(left)+wA+wB+6, y+15, r.A+r.B)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// open starts a chart's svg element, with its title for screen readers.
func open(b *strings.Builder, id, title string, width, height int) {
	fmt.Fprintf(b, `<svg id="%s" class="chart" role="img" aria-labelledby="%s-title" viewBox="0 0 %d %d" width="%d" height="%d" xmlns="http://www.w3.org/2000/svg">`,
		esc(id), esc(id), width, height, width, height)
	fmt.Fprintf(b, `<title id="%s-title">%s</title>`, esc(id), esc(title))
}

// legend names the two series at the top of a chart.
func legend(b *strings.Builder, x int, a, bName string) {
	fmt.Fprintf(b, `<rect x="%d" y="6" width="12" height="12" fill="%s"/><text x="%d" y="16" font-size="12">%s</text>`, x, colourA, x+16, esc(a))
	x2 := x + 40 + 7*len([]rune(a))
	fmt.Fprintf(b, `<rect x="%d" y="6" width="12" height="12" fill="%s"/><text x="%d" y="16" font-size="12">%s</text>`, x2, colourB, x2+16, esc(bName))
}

// esc escapes text for SVG inside HTML.
func esc(s string) string { return html.EscapeString(s) }

// trim shortens s to n characters, with an ellipsis.
func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
