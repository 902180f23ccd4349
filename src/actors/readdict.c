/*
 * readdict.c - the reader of actor and agent dictionaries in the
 * TABARI/PETRARCH syntax (docs/dictionaries.md), ours and the user's.
 *
 * One pass, one line at a time (the line reader bounds memory).  Every
 * malformed line is reported as NAME:LINE with the reason and skipped; the
 * entry it belonged to keeps what was valid.  Quirks of the public files
 * are accepted: CRLF, stray non-UTF-8 bytes (warned, read as Latin-1),
 * restrictions inline or on their own lines, blanks inside brackets,
 * several codes on a line, "; comment" after a phrase, two- or four-digit
 * years, "~FINISH".
 */
#include "actors/dict_internal.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/utf8.h"

#include <ctype.h>
#include <string.h>

/* CAMEO roots that are not ISO 3166 alpha-3 countries: organisation and
 * group roots, regions, former states and the codes CAMEO uses instead of
 * ISO for a few states (Gerner et al., CAMEO codebook 1.1b3, ch. 5). */
static const char *const cameo_roots[] = {
	"IGO", "NGO", "IMG", "MNC", "UIS", "NGM", "TMP", "ROM", "KSV", "DDR",
	"USR", "SUN", "YUG", "SCG", "CSK", "FRY", "SRP", "WEU", "AFR", "ASA",
	"BAL", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
	"LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAM", "SAF", "SAS", "SEA",
	"WAF", "WST", "CRB", "SCN", "NAM", "WSB", "GZS", "PAL", "ARB", "INT",
	"FRN", "TER", "WBK",
	/* role and religion codes, which stand alone for country-less actors */
	"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU",
	"BUS", "CRM", "CVL", "LEG", "ELI", "HLH", "REF", "MOD", "RAD", "AGR",
	"ENV", "HRI", "LAB", "INS", "SEP", "UAF", "SET", "REL", "CHR", "MUS",
	"JEW", "HIN", "BUD", "SIK", "BAH", "MOS", "DEV", "PPL", "NGP", "WGO",
	"BED", "ATH", "CON", "ITR", "JAN", "SHI", "SUN", "ZRO", "DOX", "TAO",
	NULL
};

static int is_iso3(const char *c);

/* Is the three-letter root of `code` one we know? */
static int known_root(const char *code)
{
	size_t i;
	if (strlen(code) < 3)
		return 0;
	for (i = 0; cameo_roots[i]; i++)
		if (memcmp(code, cameo_roots[i], 3) == 0)
			return 1;
	return is_iso3(code);
}

/* ISO 3166-1 alpha-3 codes, assigned or reserved for CAMEO use (Debian
 * iso-codes; XKX is the code the EU and IMF use for Kosovo). */
static int is_iso3(const char *c)
{
	static const char iso[] =
	    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE "
	    "BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB "
	    "BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM "
	    "CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI "
	    "ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN "
	    "GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN "
	    "IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ "
	    "KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC "
	    "MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT "
	    "MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU "
	    "NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT "
	    "REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM "
	    "SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL "
	    "TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT "
	    "VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX ";
	const char *p = iso;
	while (*p) {
		if (memcmp(p, c, 3) == 0)
			return 1;
		p += 4;
	}
	return 0;
}

/* ---- reader state -------------------------------------------------------- */

typedef struct {
	char name[64];
	char **items;
	size_t n;
} subst_set;

typedef struct {
	ent_dict *d;
	uint32_t file;
	const char *name;
	ent_dict_load_stats *st;
	int agents;
	int use_case;
	int what;              /* ENT_W_* from #% kind */
	long entry;            /* current actor entry, -1 none */
	subst_set *sets;
	size_t nsets;
	int err;               /* ENT_ENOMEM seen */
	int dry;               /* validate codes and dates, add nothing */
	int quiet;             /* the second pass over a line: report nothing */
} rd;

#define DIAG(r, error, ln, ...)                                                  \
	do {                                                                       \
		if (!(r)->quiet)                                                       \
			ent_dict_diag((r)->d, (r)->st, error, (r)->name, ln, __VA_ARGS__); \
	} while (0)

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

/* ---- codes ---------------------------------------------------------------- */

/* Check an actor code (uppercase letters, digits; "---" = none) and intern
 * it.  Returns 1 with *off set (0 for "---"), or 0 after reporting. */
static int take_code(rd *r, long ln, const char *c, size_t n, uint32_t *off)
{
	size_t i;
	char up[64];
	int err = 0;
	*off = 0;
	if (n == 0) {
		DIAG(r, 1, ln, "empty code '[]'");
		return 0;
	}
	if (n == 3 && memcmp(c, "---", 3) == 0)
		return 1;
	if (n >= sizeof up) {
		DIAG(r, 1, ln, "code too long (%zu characters)", n);
		return 0;
	}
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)c[i];
		if (ch >= 'a' && ch <= 'z')
			ch = (unsigned char)(ch - 'a' + 'A');
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
			DIAG(r, 1, ln, "bad character '%c' in code '%.*s'", isprint(ch) ? ch : '?',
			     (int)n, c);
			return 0;
		}
		up[i] = (char)ch;
	}
	up[n] = '\0';
	if (r->d->opt.check) {
		if (n % 3 != 0)
			DIAG(r, 0, ln, "code '%s' is not made of three-letter blocks", up);
		else if (!known_root(up))
			DIAG(r, 0, ln, "unknown code root '%.3s' in '%s' (not an ISO 3166 "
			     "alpha-3 country or a CAMEO root)", up, up);
	}
	if (r->dry) {
		*off = 0;
		return 1;
	}
	*off = ent_dict_str(r->d, up, n, &err);
	if (err) {
		r->err = err;
		return 0;
	}
	return 1;
}

/* A restriction date: YYMMDD or YYYYMMDD.  A day past the end of its
 * month (040931, common in the public files) is read as the month's last
 * day, with a warning. */
static int date_of(rd *r, long ln, const char *s, size_t n, ent_date *out)
{
	if (ent_dict_parse_date(s, n, out) == 0)
		return 0;
	if ((n == 6 || n == 8) && s[n - 2] == '3' && (s[n - 1] == '0' || s[n - 1] == '1')) {
		/* the last valid day of that month: 30, 29 or 28 */
		char fix[8];
		int day;
		for (day = 30; day >= 28; day--) {
			memcpy(fix, s, n);
			fix[n - 2] = (char)('0' + day / 10);
			fix[n - 1] = (char)('0' + day % 10);
			if (ent_dict_parse_date(fix, n, out) == 0) {
				DIAG(r, 0, ln, "date '%.*s' has no such day: read as the month's "
				     "last day", (int)n, s);
				return 0;
			}
		}
	}
	DIAG(r, 1, ln, "bad date '%.*s' (YYMMDD or YYYYMMDD)", (int)n, s);
	return -1;
}

/* Parse the inside of one [...]: "CODE", "CODE >DATE", "CODE <DATE",
 * "CODE DATE-DATE", with stray blanks.  Adds it to the current entry. */
static int restriction(rd *r, long ln, const char *s, size_t n)
{
	const char *c = s, *rest;
	size_t cn = 0, rn;
	uint32_t code;
	ent_date from = ENT_DATE_NONE, until = ENT_DATE_NONE;
	trim(&s, &n);
	c = s;
	while (cn < n && !is_space(c[cn]) && c[cn] != '<' && c[cn] != '>')
		cn++;
	rest = c + cn;
	rn = n - cn;
	trim(&rest, &rn);
	if (!take_code(r, ln, c, cn, &code))
		return -1;
	if (rn) {
		if (*rest == '<' || *rest == '>') {
			const char *ds = rest + 1;
			size_t dn = rn - 1;
			ent_date dt;
			trim(&ds, &dn);
			if (date_of(r, ln, ds, dn, &dt) < 0)
				return -1;
			if (*rest == '<')
				until = dt;
			else
				from = dt;
		} else {
			const char *dash = memchr(rest, '-', rn);
			const char *a = rest, *b;
			size_t an, bn;
			if (!dash) {
				DIAG(r, 1, ln, "bad restriction '%.*s' (use <DATE, >DATE or "
				     "DATE-DATE)", (int)rn, rest);
				return -1;
			}
			an = (size_t)(dash - rest);
			b = dash + 1;
			bn = rn - an - 1;
			trim(&a, &an);
			trim(&b, &bn);
			if (date_of(r, ln, a, an, &from) < 0 || date_of(r, ln, b, bn, &until) < 0)
				return -1;
			if (until < from && an == 6) {
				/* "270101-730717": a six-digit year before 1930 */
				int y, mo, da;
				ent_date_to_ymd(from, &y, &mo, &da);
				if (y >= 2000 && ent_date_from_ymd(y - 100, mo, da) <= until)
					from = ent_date_from_ymd(y - 100, mo, da);
			}
			if (until < from) {
				DIAG(r, 1, ln, "dates reversed: %.*s is before %.*s", (int)bn, b,
				     (int)an, a);
				return -1;
			}
		}
	}
	if (r->dry)
		return 0;
	if (ent_dict_restr(r->d, code, from, until, (uint32_t)ln) < 0) {
		r->err = ENT_ENOMEM;
		return -1;
	}
	if (from != ENT_DATE_NONE || until != ENT_DATE_NONE)
		r->st->restrictions++;
	return 0;
}

/* Parse every [...] in s[0..n) as restrictions of the current entry.
 * Returns 0, or -1 after reporting an unbalanced bracket. */
static int brackets(rd *r, long ln, const char *s, size_t n)
{
	size_t i = 0;
	int bad = 0;
	while (i < n) {
		const char *close;
		if (is_space(s[i])) {
			i++;
			continue;
		}
		if (s[i] == ']') {
			DIAG(r, 1, ln, "']' without '['");
			return -1;
		}
		if (s[i] != '[') {
			/* real files carry junk after the codes (a tab and a
			   company's sector and revenue): the entry stands */
			DIAG(r, 0, ln, "text after the codes ignored: '%.*s'",
			     (int)(n - i > 40 ? 40 : n - i), s + i);
			return 0;
		}
		close = memchr(s + i + 1, ']', n - i - 1);
		if (!close) {
			const char *brace = memchr(s + i + 1, '}', n - i - 1);
			if (!brace) {
				DIAG(r, 1, ln, "unbalanced '[': no ']' on this line");
				return -1;
			}
			DIAG(r, 0, ln, "'[' closed by '}': read as ']'");
			close = brace;
		}
		if (memchr(s + i + 1, '[', (size_t)(close - s - i - 1))) {
			DIAG(r, 1, ln, "unbalanced '[': a '[' inside brackets");
			return -1;
		}
		if (restriction(r, ln, s + i + 1, (size_t)(close - s - i - 1)) < 0)
			bad = -1;
		i = (size_t)(close - s) + 1;
	}
	return bad;
}

/* A line's codes: checked first (errors reported, nothing added); added
 * only when the whole line is good, so a bad line is skipped whole. */
static int codes_ok(rd *r, long ln, const char *s, size_t n)
{
	int rc;
	r->dry = 1;
	rc = brackets(r, ln, s, n);
	r->dry = 0;
	return rc;
}

static void add_codes(rd *r, long ln, const char *s, size_t n)
{
	r->quiet = 1;
	brackets(r, ln, s, n);
	r->quiet = 0;
}

/* Check the characters of a phrase. */
static int phrase_ok(rd *r, long ln, const char *p, size_t n)
{
	size_t i;
	int words = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '[' || c == ']' || c == '{' || c == '}') {
			DIAG(r, 1, ln, "unbalanced '%c' in phrase '%.*s'", c, (int)n, p);
			return 0;
		}
		if (c < 0x20 && c != '\t') {
			DIAG(r, 1, ln, "control character in phrase");
			return 0;
		}
		if (c != '_' && !is_space((char)c))
			words = 1;
	}
	if (!words) {
		DIAG(r, 1, ln, "empty phrase");
		return 0;
	}
	return 1;
}

static void add_phrase(rd *r, long ln, long entry, const char *p, size_t n,
                       const char *plural, size_t pn, int noplural)
{
	int k = ent_dict_phrase(r->d, (uint32_t)entry, p, n, (uint32_t)ln,
	                        (r->use_case ? ENT_PH_CASE : 0) |
	                        (noplural ? ENT_PH_NOPLURAL : 0),
	                        plural, pn);
	if (k < 0)
		r->err = k;
	else if (k == 0)
		DIAG(r, 1, ln, "phrase '%.*s' has no words to match", (int)n, p);
	else
		r->st->phrases += k;
}

/* ---- actor lines ---------------------------------------------------------- */

static void actor_line(rd *r, long ln, const char *s, size_t n, int indented)
{
	const char *b;
	size_t pn;
	if (*s == '[') {
		if (!indented && r->d->opt.check)
			DIAG(r, 0, ln, "restriction not indented");
		if (r->entry == -2)
			return; /* the entry was rejected: already reported */
		if (r->entry < 0) {
			DIAG(r, 1, ln, "a restriction with no entry before it");
			return;
		}
		if (codes_ok(r, ln, s, n) == 0)
			add_codes(r, ln, s, n);
		return;
	}
	if (*s == '+') {
		s++;
		n--;
		if (r->entry == -2)
			return;
		if (r->entry < 0) {
			DIAG(r, 1, ln, "a synonym ('+') with no entry before it");
			return;
		}
		b = memchr(s, '[', n);
		pn = b ? (size_t)(b - s) : n;
		{
			const char *p = s;
			size_t m = pn;
			trim(&p, &m);
			if (!phrase_ok(r, ln, p, m) || (b && codes_ok(r, ln, b, n - pn) < 0))
				return;
			add_phrase(r, ln, r->entry, p, m, NULL, 0, 0);
		}
		if (b)
			add_codes(r, ln, b, n - pn);
		return;
	}
	/* a primary phrase */
	b = memchr(s, '[', n);
	pn = b ? (size_t)(b - s) : n;
	{
		const char *p = s;
		size_t m = pn;
		long e;
		const char *close = memchr(s, ']', n);
		trim(&p, &m);
		if (close && (!b || close < b)) {
			DIAG(r, 1, ln, "']' without '['");
			r->entry = -2;
			return;
		}
		if (!phrase_ok(r, ln, p, m) || (b && codes_ok(r, ln, b, n - pn) < 0)) {
			r->entry = -2;
			return;
		}
		e = ent_dict_entry(r->d, ENT_E_ACTOR, r->file, (uint32_t)ln, r->what);
		if (e < 0) {
			r->err = ENT_ENOMEM;
			return;
		}
		r->entry = e;
		r->st->entries++;
		add_phrase(r, ln, e, p, m, NULL, 0, 0);
		if (b)
			add_codes(r, ln, b, n - pn);
	}
}

/* ---- agent lines ---------------------------------------------------------- */

static subst_set *find_set(rd *r, const char *name, size_t n)
{
	size_t i;
	for (i = 0; i < r->nsets; i++)
		if (strlen(r->sets[i].name) == n && memcmp(r->sets[i].name, name, n) == 0)
			return &r->sets[i];
	return NULL;
}

static void define_set(rd *r, long ln, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n), *end;
	const char *list;
	size_t ln2, nn;
	subst_set *set, *ns;
	end = memchr(s + 1, '!', n - 1);
	if (!end || !eq || end > eq) {
		DIAG(r, 1, ln, "bad substitution set: use !NAME! = A, B, C");
		return;
	}
	nn = (size_t)(end - s) + 1; /* with both ! */
	if (nn > sizeof set->name - 1) {
		DIAG(r, 1, ln, "substitution set name too long");
		return;
	}
	set = find_set(r, s, nn);
	if (!set) {
		ns = ent_realloc(r->sets, (r->nsets + 1) * sizeof *ns);
		if (!ns) {
			r->err = ENT_ENOMEM;
			return;
		}
		r->sets = ns;
		set = &r->sets[r->nsets++];
		memset(set, 0, sizeof *set);
		memcpy(set->name, s, nn);
	} else {
		DIAG(r, 0, ln, "substitution set %s redefined", set->name);
		while (set->n)
			ent_free(set->items[--set->n]);
	}
	list = eq + 1;
	ln2 = n - (size_t)(list - s);
	while (ln2) {
		const char *comma = memchr(list, ',', ln2);
		size_t item = comma ? (size_t)(comma - list) : ln2;
		const char *it = list;
		size_t itn = item;
		char **ni;
		trim(&it, &itn);
		if (itn) {
			ni = ent_realloc(set->items, (set->n + 1) * sizeof *ni);
			if (!ni || !(ni[set->n] = ent_strndup(it, itn))) {
				if (ni)
					set->items = ni;
				r->err = ENT_ENOMEM;
				return;
			}
			set->items = ni;
			set->n++;
		}
		if (!comma)
			break;
		ln2 -= item + 1;
		list = comma + 1;
	}
	if (!set->n)
		DIAG(r, 1, ln, "substitution set %s is empty", set->name);
}

/* Add an agent phrase, expanding a !SET! marker if present. */
static void agent_phrase(rd *r, long ln, long e, const char *p, size_t n,
                         const char *plural, size_t pln, int noplural)
{
	const char *bang = memchr(p, '!', n);
	if (bang) {
		const char *end = memchr(bang + 1, '!', n - (size_t)(bang - p) - 1);
		subst_set *set;
		size_t i;
		if (!end) {
			DIAG(r, 1, ln, "unbalanced '!' in phrase");
			return;
		}
		set = find_set(r, bang, (size_t)(end - bang) + 1);
		if (!set) {
			DIAG(r, 1, ln, "unknown substitution set %.*s", (int)(end - bang + 1), bang);
			return;
		}
		for (i = 0; i < set->n; i++) {
			char buf[1024];
			size_t pre = (size_t)(bang - p), post = n - (size_t)(end + 1 - p);
			size_t il = strlen(set->items[i]);
			if (pre + il + post >= sizeof buf)
				continue;
			memcpy(buf, p, pre);
			memcpy(buf + pre, set->items[i], il);
			memcpy(buf + pre + il, end + 1, post);
			/* members carry their own number: no plural */
			add_phrase(r, ln, e, buf, pre + il + post, NULL, 0, 1);
		}
		return;
	}
	add_phrase(r, ln, e, p, n, plural, pln, noplural);
}

static void agent_line(rd *r, long ln, const char *s, size_t n)
{
	const char *b, *brace, *p = s, *plural = NULL, *close;
	size_t pn, pln = 0;
	int noplural = 0, before = 0;
	long e;
	uint32_t code;
	const char *c;
	size_t cn;
	if (*s == '!' && memchr(s, '=', n)) {
		define_set(r, ln, s, n);
		return;
	}
	b = memchr(s, '[', n);
	if (!b) {
		DIAG(r, 1, ln, "agent without a code: use PHRASE [~CODE]");
		return;
	}
	close = memchr(b, ']', n - (size_t)(b - s));
	if (!close) {
		close = memchr(b, '}', n - (size_t)(b - s));
		if (!close) {
			DIAG(r, 1, ln, "unbalanced '[': no ']' on this line");
			return;
		}
		DIAG(r, 0, ln, "'[' closed by '}': read as ']'");
	}
	{
		const char *after = close + 1;
		size_t an = n - (size_t)(after - s);
		trim(&after, &an);
		if (an)
			DIAG(r, 0, ln, "text after the code ignored: '%.*s'",
			     (int)(an > 40 ? 40 : an), after);
	}
	pn = (size_t)(b - s);
	brace = memchr(s, '{', pn);
	if (brace) {
		const char *bc = memchr(brace, '}', pn - (size_t)(brace - s));
		if (!bc) {
			DIAG(r, 1, ln, "unbalanced '{': no '}' before the code");
			return;
		}
		plural = brace + 1;
		pln = (size_t)(bc - brace - 1);
		{
			const char *q = plural;
			size_t qn = pln;
			trim(&q, &qn);
			plural = q;
			pln = qn;
		}
		if (pln == 0) {
			plural = NULL;
			noplural = 1;
		}
		pn = (size_t)(brace - s);
	} else if (memchr(s, '}', pn)) {
		DIAG(r, 1, ln, "'}' without '{'");
		return;
	}
	trim(&p, &pn);
	if (!phrase_ok(r, ln, p, pn))
		return;
	c = b + 1;
	cn = (size_t)(close - b - 1);
	trim(&c, &cn);
	if (cn && c[0] == '~') {
		c++;
		cn--;
	} else if (cn && c[cn - 1] == '~') {
		cn--;
		before = 1;
	} else {
		DIAG(r, 1, ln, "agent code '%.*s' needs a '~' (~CODE appends, CODE~ "
		     "prepends)", (int)cn, c);
		return;
	}
	trim(&c, &cn);
	if (memchr(c, '~', cn) || memchr(c, ' ', cn)) {
		DIAG(r, 1, ln, "bad agent code '%.*s'", (int)cn, c);
		return;
	}
	{
		/* agent codes are role blocks: check them as codes without the
		   root test */
		int chk = r->d->opt.check;
		r->d->opt.check = 0;
		if (!take_code(r, ln, c, cn, &code)) {
			r->d->opt.check = chk;
			return;
		}
		r->d->opt.check = chk;
	}
	e = ent_dict_entry(r->d, ENT_E_AGENT, r->file, (uint32_t)ln,
	                   r->what ? r->what : ENT_W_GROUP);
	if (e < 0) {
		r->err = ENT_ENOMEM;
		return;
	}
	r->d->entries[e].dflt = code;
	r->d->entries[e].agent_before = (uint8_t)before;
	r->st->entries++;
	agent_phrase(r, ln, e, p, pn, plural, pln, noplural);
}

/* ---- directives ------------------------------------------------------------ */

static void directive(rd *r, long ln, const char *s, size_t n)
{
	trim(&s, &n);
	if (n == 4 && memcmp(s, "case", 4) == 0) {
		r->use_case = 1;
		return;
	}
	if (n > 5 && memcmp(s, "kind ", 5) == 0) {
		const char *k = s + 5;
		size_t kn = n - 5;
		trim(&k, &kn);
		if (kn == 6 && memcmp(k, "person", 6) == 0)
			r->what = ENT_W_PERSON;
		else if (kn == 5 && memcmp(k, "group", 5) == 0)
			r->what = ENT_W_GROUP;
		else if (kn == 5 && memcmp(k, "place", 5) == 0)
			r->what = ENT_W_PLACE;
		else if (kn == 4 && memcmp(k, "auto", 4) == 0)
			r->what = ENT_W_AUTO;
		else
			DIAG(r, 1, ln, "unknown kind '%.*s' (person, group, place or auto)",
			     (int)kn, k);
		return;
	}
	DIAG(r, 0, ln, "unknown directive '#%% %.*s' (known: case, kind)", (int)n, s);
}

/* ---- the reader ------------------------------------------------------------- */

int ent_read_actors(ent_dict *d, uint32_t file, const char *name,
                    ent_linereader *lr, int agents, ent_dict_load_stats *st)
{
	rd r;
	const char *line;
	size_t n;
	int rc;
	char *conv = NULL;
	size_t i;

	memset(&r, 0, sizeof r);
	r.d = d;
	r.file = file;
	r.name = name;
	r.st = st;
	r.agents = agents;
	r.entry = -1;
	while ((rc = ent_lr_next(lr, &line, &n)) == 1) {
		long ln = lr->lineno;
		const char *s = line, *hash;
		size_t m = n;
		int indented;
		if (r.err)
			break;
		if (lr->too_long) {
			DIAG(&r, 1, ln, "line longer than %zu bytes: skipped", d->opt.max_line);
			continue;
		}
		if (ent_utf8_valid_prefix((const unsigned char *)s, m) != m) {
			size_t cap = m * 2 + 1;
			char *c2 = ent_realloc(conv, cap);
			if (!c2) {
				r.err = ENT_ENOMEM;
				break;
			}
			conv = c2;
			DIAG(&r, 0, ln, "not UTF-8: read as Latin-1");
			m = ent_utf8_from_latin1(conv, cap, s, m);
			s = conv;
		}
		if (memchr(s, '\0', m)) {
			DIAG(&r, 1, ln, "NUL byte in line: skipped");
			continue;
		}
		indented = m && (s[0] == ' ' || s[0] == '\t');
		trim(&s, &m);
		if (m == 0)
			continue;
		if (m >= 2 && s[0] == '#' && s[1] == '%') {
			directive(&r, ln, s + 2, m - 2);
			continue;
		}
		if (s[0] == '#' || s[0] == ';')
			continue;
		if (m >= 7 && memcmp(s, "~FINISH", 7) == 0)
			break;
		if (m >= 4 && memcmp(s, "<!--", 4) == 0)
			continue; /* the XML-style banners of some agent files */
		/* comments: '#' anywhere, or ';' before the codes of a phrase line */
		hash = memchr(s, '#', m);
		if (hash)
			m = (size_t)(hash - s);
		{
			/* TABARI comments: "; ..." after the phrase or the codes */
			const char *semi = memchr(s, ';', m);
			if (semi)
				m = (size_t)(semi - s);
		}
		trim(&s, &m);
		if (m == 0)
			continue;
		if (agents)
			agent_line(&r, ln, s, m);
		else
			actor_line(&r, ln, s, m, indented);
	}
	ent_free(conv);
	for (i = 0; i < r.nsets; i++) {
		while (r.sets[i].n)
			ent_free(r.sets[i].items[--r.sets[i].n]);
		ent_free(r.sets[i].items);
	}
	ent_free(r.sets);
	if (r.err)
		return r.err;
	return rc < 0 ? rc : 0;
}
