package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Role is what a column holds.
type Role string

// The roles of a measures table's columns.
const (
	RolePillar      Role = "pillar"      // 基本施策 (a group label with its number)
	RoleDirection   Role = "direction"   // 施策の方向
	RoleNumber      Role = "number"      // 施策番号
	RoleTitle       Role = "title"       // 施策名 (may carry the number: "3 相談支援")
	RoleDescription Role = "description" // 施策内容
	RoleDepartments Role = "departments" // 担当課
)

// measureRoles are the roles of a measures table, with the header names
// that stand for them (compared without spaces, in half width).
var measureRoles = []struct {
	role  Role
	names []string
}{
	{RolePillar, []string{"基本施策", "施策の柱", "基本目標", "柱", "施策分野", "分野", "大項目"}},
	{RoleDirection, []string{"施策の方向", "施策の方向性", "方向", "施策の展開", "展開", "取組の方向", "中項目"}},
	{RoleNumber, []string{"施策番号", "事業番号", "番号", "No", "No.", "NO", "№"}},
	{RoleTitle, []string{"施策名", "事業名", "取組名", "施策", "事業", "取組", "主な取組", "小項目"}},
	{RoleDescription, []string{"施策内容", "事業内容", "事業概要", "取組内容", "内容", "概要", "説明"}},
	{RoleDepartments, []string{"担当課", "担当部署", "所管課", "主管課", "関係課", "担当", "所管"}},
}

// Columns maps roles to 0-based column indexes.
type Columns map[Role]int

// normHeader folds a header cell for comparison: half width, no spaces.
func normHeader(s string) string {
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// headerRole returns the role a header cell names: an exact name first,
// else the longest name it contains.
func headerRole(cell string) (Role, bool) {
	c := normHeader(cell)
	if c == "" {
		return "", false
	}
	best, bestLen := Role(""), 0
	for _, r := range measureRoles {
		for _, n := range r.names {
			n = normHeader(n)
			switch {
			case c == n:
				return r.role, true
			case len(c) <= 3*len(n) && strings.Contains(c, n) && len(n) > bestLen:
				best, bestLen = r.role, len(n)
			}
		}
	}
	return best, bestLen > 0
}

// isHeaderRow reports whether every non-empty cell of row is a header
// name or a stamp, with at least one header name: the header block, at the
// top or repeated on a new page.
func isHeaderRow(row []string) bool {
	names := 0
	for _, c := range row {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case isStamp(c):
		default:
			if r, ok := headerRole(c); !ok || normHeader(c) != exactName(r, c) {
				return false
			}
			names++
		}
	}
	return names > 0
}

// exactName returns the folded cell when it is exactly a name of role r.
func exactName(r Role, cell string) string {
	c := normHeader(cell)
	for _, mr := range measureRoles {
		if mr.role != r {
			continue
		}
		for _, n := range mr.names {
			if normHeader(n) == c {
				return c
			}
		}
	}
	return ""
}

// stampRe matches the date stamps printed above or between table pages:
// 平成24年3月時点, 令和6年4月1日現在, 2024年3月末.
var stampRe = regexp.MustCompile(`^[（(]?(明治|大正|昭和|平成|令和|[0-9０-９]{4}年)[0-9０-９元]*年?[0-9０-９]*月?[0-9０-９]*日?(時点|現在|末|末日)?[)）]?$`)

// pageRe matches a page number line: 12, - 12 -, ―12―, 12/30, P.12.
var pageRe = regexp.MustCompile(`^(?:[-－―ー‐]\s*)?(?:[Pp]\.?\s*)?[0-9０-９]+(?:\s*/\s*[0-9０-９]+)?(?:\s*[-－―ー‐])?$`)

func isStamp(c string) bool {
	c = strings.Join(strings.Fields(c), "")
	return stampRe.MatchString(c) && strings.ContainsAny(c, "年月")
}

// ParseColumns reads an explicit mapping, "pillar=A,title=C,…" or with
// the header names, "基本施策=1,施策名=3": columns by letter or 1-based
// number.
func ParseColumns(s string) (Columns, error) {
	out := Columns{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("column mapping %q: write role=column, e.g. title=C", part)
		}
		role, ok := roleByName(strings.TrimSpace(k))
		if !ok {
			return nil, fmt.Errorf("column mapping %q: unknown role %q (use pillar, direction, number, title, description, departments or their header names)", part, k)
		}
		col, err := columnIndex(strings.TrimSpace(v))
		if err != nil {
			return nil, fmt.Errorf("column mapping %q: %w", part, err)
		}
		out[role] = col
	}
	if _, ok := out[RoleTitle]; !ok {
		return nil, fmt.Errorf("column mapping %q: title (施策名) is required", s)
	}
	return out, nil
}

func roleByName(k string) (Role, bool) {
	for _, mr := range measureRoles {
		if string(mr.role) == k {
			return mr.role, true
		}
	}
	if r, ok := headerRole(k); ok && exactName(r, k) != "" {
		return r, true
	}
	return "", false
}

// columnIndex reads a column as a letter (A, AB) or a 1-based number.
func columnIndex(v string) (int, error) {
	if n, err := strconv.Atoi(v); err == nil && n >= 1 {
		return n - 1, nil
	}
	v = strings.ToUpper(v)
	n := 0
	for _, r := range v {
		if r < 'A' || r > 'Z' {
			return 0, fmt.Errorf("%q is not a column (use a letter like C or a number from 1)", v)
		}
		n = n*26 + int(r-'A'+1)
	}
	if n == 0 {
		return 0, fmt.Errorf("empty column")
	}
	return n - 1, nil
}

// columnName prints a 0-based column as Excel does: 0 → A.
func columnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// String prints the mapping in a fixed order: title=C, ….
func (c Columns) String() string {
	var parts []string
	for _, mr := range measureRoles {
		if i, ok := c[mr.role]; ok {
			parts = append(parts, string(mr.role)+"="+columnName(i))
		}
	}
	return strings.Join(parts, ",")
}
