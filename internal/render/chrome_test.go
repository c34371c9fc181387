package render

import "testing"

func TestJoinPlanNamesTheCityOnce(t *testing.T) {
	if got := joinPlan("小平市", "第四次小平市障がい者福祉計画"); got != "第四次小平市障がい者福祉計画" {
		t.Errorf("got %q", got)
	}
	if got := joinPlan("小平市", "障がい者福祉計画"); got != "小平市の障がい者福祉計画" {
		t.Errorf("got %q", got)
	}
}
