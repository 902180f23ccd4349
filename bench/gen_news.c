/*
 * gen_news.c - a seeded generator of news-like articles for the event
 * benchmark: sentences built from templates over states, capitals,
 * leaders with their titles, organisations, verbs of the kinds the CAMEO
 * dictionaries code (meetings, visits, accusations, threats, attacks,
 * sanctions, aid, agreements), in active and passive voice, with dates,
 * attributions and clauses, plus sentences that code nothing (economy,
 * weather, sport).  Same seed, same bytes.
 *
 * usage: gen_news [-s SEED] [-n SENTENCES]   (JSONL on stdout)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t rng = 88172645463325252ULL;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

#define PICK(a) a[rnd((uint32_t)(sizeof(a) / sizeof(a[0])))]

static const char *const states[] = {
	"Russia", "China", "the United States", "Iran", "Israel", "Ukraine",
	"North Korea", "South Korea", "Japan", "India", "Pakistan", "Turkey",
	"Syria", "Iraq", "Egypt", "Saudi Arabia", "France", "Germany", "Britain",
	"Poland", "Belarus", "Venezuela", "Brazil", "Mexico", "Cuba", "Taiwan",
	"the Philippines", "Vietnam", "Indonesia", "Australia", "Canada",
	"Nigeria", "Ethiopia", "Sudan", "Libya", "Lebanon", "Jordan", "Qatar",
	"Afghanistan", "Georgia", "Armenia", "Azerbaijan", "Serbia", "Kosovo",
	"Greece", "Italy", "Spain", "Sweden", "Finland", "Norway"
};
static const char *const adjs[] = {
	"Russian", "Chinese", "American", "Iranian", "Israeli", "Ukrainian",
	"North Korean", "South Korean", "Japanese", "Indian", "Pakistani",
	"Turkish", "Syrian", "Iraqi", "Egyptian", "Saudi", "French", "German",
	"British", "Polish", "Venezuelan", "Brazilian", "Cuban", "Philippine",
	"Vietnamese", "Australian", "Canadian", "Nigerian", "Libyan", "Lebanese"
};
static const char *const capitals[] = {
	"Moscow", "Beijing", "Washington", "Tehran", "Kyiv", "Pyongyang", "Seoul",
	"Tokyo", "New Delhi", "Islamabad", "Ankara", "Damascus", "Baghdad",
	"Cairo", "Riyadh", "Paris", "Berlin", "London", "Warsaw", "Minsk",
	"Caracas", "Havana", "Taipei", "Manila", "Hanoi", "Canberra", "Ottawa"
};
static const char *const roles[] = {
	"President", "Prime Minister", "Foreign Minister", "Defence Minister",
	"military", "government", "foreign ministry", "army", "navy", "police",
	"parliament", "opposition", "central bank", "security forces",
	"ambassador", "envoy", "spokesman"
};
static const char *const people[] = {
	"Vladimir Putin", "Xi Jinping", "Joe Biden", "Kim Jong Un",
	"Benjamin Netanyahu", "Volodymyr Zelensky", "Recep Tayyip Erdogan",
	"Emmanuel Macron", "Olaf Scholz", "Narendra Modi", "Sergei Lavrov",
	"Antony Blinken", "Wang Yi", "Ebrahim Raisi", "Fumio Kishida"
};
static const char *const orgs[] = {
	"the United Nations", "NATO", "the European Union", "the African Union",
	"the IMF", "the World Bank", "the Red Cross", "the UN Security Council",
	"the Arab League", "ASEAN", "Hamas", "Hezbollah", "the Taliban",
	"Islamic State militants", "rebels", "protesters", "the G7"
};
static const char *const active[] = {
	"met", "met with", "held talks with", "visited", "hosted", "praised",
	"criticized", "accused", "condemned", "warned", "threatened", "attacked",
	"shelled", "bombed", "imposed sanctions on", "lifted sanctions on",
	"signed an agreement with", "signed a trade deal with",
	"called on", "urged", "rejected a proposal from", "denied claims by",
	"expelled diplomats from", "recalled its ambassador from",
	"pledged aid to", "sent humanitarian aid to", "agreed to cooperate with",
	"demanded an apology from", "blamed", "welcomed", "thanked",
	"appealed to", "negotiated with", "mediated between", "arrested",
	"deployed troops near", "launched missiles at", "seized a ship from",
	"released prisoners from", "supported", "endorsed", "invited",
	"blocked imports from", "cut ties with", "restored ties with"
};
static const char *const passive[] = {
	"was criticized by", "was attacked by", "was accused by", "was praised by",
	"was visited by", "was sanctioned by", "was warned by", "was condemned by",
	"was hit with sanctions by", "was invited by", "was supported by"
};
static const char *const whens[] = {
	"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
	"on Saturday", "on Sunday", "last week", "this week", "earlier this month",
	"in March", "in June", "on September 13", "two days ago", "late on Sunday",
	"", "", ""
};
static const char *const tails[] = {
	"over the disputed border", "amid rising tensions in the region",
	"after a meeting in Geneva", "in a statement", "during a summit",
	"over its nuclear programme", "over human rights", "in a phone call",
	"ahead of the elections", "following the attack on the embassy",
	"despite international pressure", "at a news conference",
	"in an effort to end the war", "over trade and security", "", "", ""
};
static const char *const extras[] = {
	"as part of efforts to resolve the long-running conflict",
	"a day after talks between the two sides broke down",
	"in the latest sign of strained relations between the neighbours",
	"while thousands of people gathered outside the presidential palace",
	"in what analysts described as a major shift in policy",
	"according to people familiar with the negotiations",
	"as fighting continued in the east of the country",
	"", "", ""
};
static const char *const saids[] = {
	"officials said", "state media reported", "the ministry said",
	"according to a government statement", "a spokesman said",
	"diplomats said", "the agency reported", "", "", "", ""
};
static const char *const plain[] = {
	"Prices rose by 3 percent in the third quarter, the statistics office said.",
	"Heavy rain is expected across the north of the country on Friday.",
	"The central bank kept interest rates unchanged for a fourth month.",
	"Shares in technology companies fell sharply in early trading.",
	"The national team won the match two goals to one after extra time.",
	"Thousands of people attended the festival despite the cold weather.",
	"The company reported record profits and announced new investments.",
	"Scientists said the new vaccine was safe and effective in trials.",
	"Unemployment fell to its lowest level in a decade, the report showed.",
	"The film festival opened with a documentary about climate change."
};

static char buf[8192];
static size_t blen;

static void put(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return;
	if (blen && buf[blen - 1] != ' ' && s[0] != ',' && s[0] != '.')
		buf[blen++] = ' ';
	memcpy(buf + blen, s, n);
	blen += n;
}

static void actor(int subject)
{
	char tmp[128];
	switch (rnd(7)) {
	case 0:
	case 1:
		put(PICK(states));
		break;
	case 2:
		snprintf(tmp, sizeof tmp, "%s%s %s", subject ? "" : "the ", PICK(adjs),
		         PICK(roles));
		put(tmp);
		break;
	case 3:
		snprintf(tmp, sizeof tmp, "%s %s", PICK(adjs), PICK(roles));
		put(tmp);
		put(PICK(people));
		break;
	case 4:
		put(PICK(people));
		break;
	case 5:
		put(PICK(orgs));
		break;
	default:
		put(subject ? PICK(capitals) : PICK(states));
	}
}

static void sentence(void)
{
	const char *w, *t, *s;
	char *p;
	int k = (int)rnd(20);
	if (k < 3) {
		put(PICK(plain));
		return;
	}
	if (k < 5) {
		actor(1);
		put(PICK(passive));
		actor(0);
	} else if (k < 7) {
		actor(1);
		put("and");
		actor(1);
		put(rnd(2) ? "met" : "signed an agreement");
	} else if (k < 8) {
		actor(1);
		put(",");
		put("which");
		put(PICK(active));
		actor(0);
		put(",");
		put(PICK(active));
		actor(0);
	} else {
		actor(1);
		put(PICK(active));
		actor(0);
	}
	w = PICK(whens);
	t = PICK(tails);
	put(w);
	put(t);
	put(PICK(extras));
	s = PICK(saids);
	if (*s) {
		put(",");
		put(s);
	}
	put(".");
	/* capitalise the first letter */
	p = buf + (blen && buf[0] == ' ' ? 1 : 0);
	while (p < buf + blen && *p == ' ')
		p++;
	if (p < buf + blen && *p >= 'a' && *p <= 'z')
		*p = (char)(*p - 'a' + 'A');
}

int main(int argc, char **argv)
{
	long want = 400000, done = 0, doc = 0;
	int c;
	while ((c = getopt(argc, argv, "s:n:")) != -1) {
		if (c == 's')
			rng = 88172645463325252ULL ^ (uint64_t)strtoull(optarg, NULL, 10) *
			                                  0x9e3779b97f4a7c15ULL;
		else if (c == 'n')
			want = strtol(optarg, NULL, 10);
		else {
			fprintf(stderr, "usage: gen_news [-s SEED] [-n SENTENCES]\n");
			return 2;
		}
	}
	while (done < want) {
		int n = 5 + (int)rnd(12), i;
		printf("{\"id\":\"news-%07ld\",\"date\":\"2024-%02d-%02d\",\"text\":\"",
		       doc++, 1 + (int)rnd(12), 1 + (int)rnd(28));
		for (i = 0; i < n && done < want; i++, done++) {
			blen = 0;
			sentence();
			buf[blen] = '\0';
			fputs(i ? " " : "", stdout);
			fwrite(buf, 1, blen, stdout);
		}
		fputs("\"}\n", stdout);
	}
	return 0;
}
