package site

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "chapters/01-a.html", "chapters/01-a.html"},
		{"chapters/01-a.html", "chapters/02-b.html", "02-b.html"},
		{"chapters/01-a.html", "index.html", "../index.html"},
		{"chapters/01-a.html", "pillars/1.html#measure-3", "../pillars/1.html#measure-3"},
		{"easy/chapters/01-a.html", "chapters/01-a.html", "../../chapters/01-a.html"},
		{"chapters/01-a.html", "easy/chapters/01-a.html", "../easy/chapters/01-a.html"},
		{"easy/index.html", "easy/pillars/2.html", "pillars/2.html"},
		{"pillars/1.html", "pillars/1.html#measure-2", "#measure-2"},
		{"pillars/1.html", "pillars/1.html", "1.html"},
		{"easy/pillars/1.html", "assets/plansite.css", "../../assets/plansite.css"},
	}
	for _, tt := range tests {
		if got := rel(tt.from, tt.to); got != tt.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
