"""The NewsQuant bench's form mappings: each rewrites how a detected figure is written, never what is detected."""
import pytest

from newsclaims.evaluation.benchmarks import newsquant as nq


def claim(text, value=None, unit=None, unit_text=None, role=None, low=None, high=None):
    return {"text": text, "value": value, "low": low, "high": high, "unit": unit, "unit_text": unit_text,
            "bound": "=", "change": {"direction": "down", "role": role} if role else None}


def test_change_pair_as_range_joins_old_and_new_levels_old_end_first():
    pair = [claim("$310", 310.0, "USD", "$", "old"), claim("$295", 295.0, "USD", "$", "new"),
            claim("5%", 5.0, "%", "%", "delta")]
    out = nq.change_pairs_as_ranges(pair)
    assert len(out) == 2
    assert nq.newsquant_value(out[0]) == "310.0-295.0"
    assert out[1]["text"] == "5%"


@pytest.mark.parametrize("pair", [
    [claim("$310", 310.0, "USD", "$", "old"), claim("4 tons", 4.0, "t", "tons", "new")],  # two units
    [claim("$310", 310.0, "USD", "$", "new"), claim("$295", 295.0, "USD", "$", "new")],  # no old level
    [claim("$310", 310.0, "USD", "$", None), claim("$295", 295.0, "USD", "$", None)],  # no change at all
])
def test_change_pair_as_range_leaves_other_pairs_alone(pair):
    assert nq.change_pairs_as_ranges(pair) == pair


@pytest.mark.parametrize("text, value, expected", [
    ("a third", 100 / 3, 1 / 3),
    ("Half", 50.0, 0.5),
    ("two out of five", 40.0, 0.4),
])
def test_share_as_fraction_for_shares_written_as_fractions(text, value, expected):
    c = claim(text, value, "%", text)
    row = nq.share_as_fraction(c, nq.to_newsquant(c))
    assert nq.decode_value(row["value"]) == pytest.approx(expected)


@pytest.mark.parametrize("text, unit", [("40%", "%"), ("40 per cent", "%"), ("1.5pc", "%"), ("4.8", "%"), ("forty", None)])
def test_share_as_fraction_leaves_percentages_and_counts_alone(text, unit):
    c = claim(text, 40.0, unit, text)
    row = nq.to_newsquant(c)
    assert nq.share_as_fraction(c, row) == row


@pytest.mark.parametrize("c, value, name", [
    (claim("27 cents", 0.27, "USD", "cents"), 27.0, "cent"),
    (claim("41 cents per share", 0.41, "USD/share", "cents per share"), 41.0, "cent per share"),
    (claim("88 pence", 0.88, "GBP", "pence"), 88.0, "point"),
])
def test_cents_as_cents_keeps_the_figure_in_cents(c, value, name):
    row = nq.cents_as_cents(c, nq.to_newsquant(c), nq.load_unit_map())
    assert nq.decode_value(row["value"]) == pytest.approx(value)
    assert row["normalized_unit"] == name


def test_cents_as_cents_leaves_dollars_alone():
    c = claim("$0.27", 0.27, "USD", "$")
    row = nq.to_newsquant(c)
    assert nq.cents_as_cents(c, row, nq.load_unit_map()) == row


@pytest.mark.parametrize("unit, unit_text, expected", [
    ("1/minute", "times a minute", "count per minute"),
    ("1/day", "inspections per day", "inspection per day"),
    ("year", None, "year of age"),
    ("year", "years", "year"),
    ("foot*force_pound", "pound-feet", "pound-foot"),
    ("foot*force_pound", "lb-ft", "foot pound-force"),
    ("hp", "bhp", "brake horsepower"),
    ("hp", "hp", "horsepower"),
])
def test_unit_names_for_counts_per_time_ages_and_torque(unit, unit_text, expected):
    assert nq.newsquant_unit(unit, unit_text) == expected


def test_adapt_claims_without_mappings_translates_only_unit_names():
    claims = [[claim("$310", 310.0, "USD", "$", "old"), claim("$295", 295.0, "USD", "$", "new")]]
    umap = nq.load_unit_map()
    assert [r["value"] for r in nq._adapt_claims(claims, umap)[0]] == ["310.0", "295.0"]
    assert [r["value"] for r in nq._adapt_claims(claims, umap, nq.FORM_MAPPINGS)[0]] == ["310.0-295.0"]


def test_convention_costs_count_the_gold_a_convention_makes_and_what_it_costs():
    gold = [{"text": "It is one of the best phones, sold for $400.",
             "quantities": [{"value": "1", "normalized_unit": "good phone"}, {"value": "400.0", "normalized_unit": "dollar"}]}]
    preds = [[{"value": "400.0", "normalized_unit": "dollar"}]]
    costs = nq.convention_costs(gold, preds)["implicit one ('one of the best')"]
    assert costs["gold"] == 1
    assert costs["value"] == pytest.approx(100.0 - 66.7)  # F1 1.0 without the implicit one, 0.667 with it


def test_errors_list_value_misses_unit_misses_and_extras():
    gold = [{"text": "s", "quantities": [{"value": "5.0", "normalized_unit": "dollar"},
                                          {"value": "7.0", "normalized_unit": "percentage"}]}]
    preds = [[{"value": "5.0", "normalized_unit": "euro"}, {"value": "9.0", "normalized_unit": "-"}]]
    errors = nq.newsquant_errors(gold, preds)
    assert [e["gold"] for e in errors["value_missed"]] == [[7.0, "percentage"]]
    assert [e["gold"] for e in errors["unit_wrong"]] == [[5.0, "dollar"]]
    assert [e["predicted"] for e in errors["extra"]] == [[9.0, "-"]]


def delta_in(sentence, mention, value, unit="%", direction="up", bound="="):
    """A delta claim for ``mention`` inside a made-up ``sentence``, with the offsets the adapter reads."""
    start = sentence.index(mention)
    return {"text": mention, "value": value, "low": None, "high": None, "unit": unit, "unit_text": "%",
            "bound": bound, "change": {"direction": direction, "role": "delta"},
            "sentence": sentence, "sentence_span": [100, 100 + len(sentence)],
            "span": [100 + start, 100 + start + len(mention)]}


@pytest.mark.parametrize("sentence, mention", [
    ("The agency reported a 12% rise in ticket sales.", "12%"),
    ("Growers expect a sharp 8 percent drop this season.", "8 percent"),
    ("Staff were promised a 3% pay rise from April.", "3%"),
    ("The board approved an increase of 40 seats.", "40"),
    ("It confirmed a cut of about 2,500 jobs or 4% of its workforce.", "4%"),
    ("Shares closed 11% higher at 5.40 euros.", "11%"),
    ("Output was 2.5 tonnes (2.8 tons) lower than a year ago.", "2.8 tons"),
    ("Orders were 30 percent more than last spring.", "30 percent"),
])
def test_change_noun_as_equal_labels_a_change_written_as_a_noun_or_comparative(sentence, mention):
    c = delta_in(sentence, mention, 1.0)
    assert nq.change_noun_as_equal(c, nq.to_newsquant(c), nq.load_unit_map())["change"] == "="


@pytest.mark.parametrize("sentence, mention, bound, label", [
    ("Ticket sales rose 12% last month.", "12%", "=", "up"),
    ("The index was down 0.4% at noon.", "0.4%", "=", "down"),
    ("Fares increased by 2 percent but freight decrease by 1 percent.", "2 percent", "=", "up"),
    ("Sales rose about 4% on the year, a rise few expected.", "4%", "~", "~"),
])
def test_change_noun_as_equal_leaves_verbs_adverbs_and_bounds_alone(sentence, mention, bound, label):
    c = delta_in(sentence, mention, 1.0, direction="down" if label == "down" else "up", bound=bound)
    assert nq.change_noun_as_equal(c, nq.to_newsquant(c), nq.load_unit_map())["change"] == label


def test_change_noun_as_equal_leaves_levels_alone():
    c = {**delta_in("Exports fell to $4 billion, a drop.", "$4 billion", 4e9, "USD", "down"),
         "change": {"direction": "down", "role": "new"}}
    row = {**nq.to_newsquant(c), "change": "down"}
    assert nq.change_noun_as_equal(c, row, nq.load_unit_map()) == row


def nq_row(value, unit, change, role=None):
    return {"value": value, "normalized_unit": unit, "change": change, "referred_concepts": ["-"], "role": role}


def test_change_label_misses_list_values_found_without_their_label():
    gold = [{"text": "Fares rose 4% to $30.", "quantities": [
        {"value": "4.0", "normalized_unit": "percentage", "change": "up"},
        {"value": "30.0", "normalized_unit": "dollar", "change": "up"},
        {"value": "9.0", "normalized_unit": "dollar", "change": "="}]}]
    preds = [[nq_row("4.0", "percentage", "up", "delta"), nq_row("30.0", "dollar", "=", "new")]]
    misses = nq.change_label_misses(gold, preds)
    assert [(g["value"], [r["change"] for r in rows]) for _, g, rows in misses] == [("30.0", ["="])]


def test_change_convention_costs_sort_misses_into_conventions_and_price_them():
    gold = [{"text": "Fares rose 4% to $30, after some 12 weeks.", "quantities": [
        {"value": "4.0", "normalized_unit": "percentage", "change": "="},
        {"value": "30.0", "normalized_unit": "dollar", "change": "up"},
        {"value": "12.0", "normalized_unit": "week", "change": "="},
        {"value": "7.0", "normalized_unit": "week", "change": ">"}]}]
    preds = [[nq_row("4.0", "percentage", "up", "delta"), nq_row("30.0", "dollar", "=", "new"),
              nq_row("12.0", "week", "~"), nq_row("7.0", "week", "=")]]
    costs = nq.change_convention_costs(gold, preds)
    by_gold = {name: cost["gold"] for name, cost in costs.items()}
    assert by_gold["a level of a change labelled with its direction ('rose 5% to $40': $40 up)"] == 1
    assert by_gold["a change a verb states labelled '=' ('sales rose 5%': 5% =)"] == 1
    assert by_gold["a bound or approximator NewsQuant does not read ('some 7 miles', 'within six weeks')"] == 1
    assert by_gold["left"] == 1  # the '>' that nothing in our rows explains
    # 4 predicted, 4 gold, 0 labels right; writing one gold label our way makes one right: F1 0 -> 25
    assert costs["a change a verb states labelled '=' ('sales rose 5%': 5% =)"]["value+change"] == pytest.approx(25.0)
