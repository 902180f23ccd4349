/*
 * gen_iso_actors.c - build-time generator of the ISO 3166-1 part of the
 * built-in actor dictionary, from Debian's iso-codes package:
 *
 *   iso-countries.actors  every ISO 3166-1 country with its English name,
 *                         official name and common name
 *                         (/usr/share/iso-codes/json/iso_3166-1.json);
 *   iso-locales.actors    the same names in every language iso-codes
 *                         translates them into (its gettext catalogues,
 *                         /usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo).
 *
 * usage: gen_iso_actors JSON LOCALEDIR OUTDIR
 *
 * Names with a comma are the inverted forms of ISO lists ("Korea, Republic
 * of") and are skipped; a parenthesis is dropped ("Bolivia (Plurinational
 * State of)" gives "Bolivia").  A translated name is kept only when no
 * other country has the same name in any language, when it is not already
 * an English name, and, for Latin script, when it has at least four
 * letters and is not an English word or first name in our short stop list
 * (German "Island" is Iceland; French "Maurice" is Mauritius).  Both files
 * start with "#% case": capitalised words must be capitalised in the text.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* English words and first names that are also a country's name in some
 * language (lower case). */
static const char *const stop[] = {
	"island", "maurice", "man", "india", "chad", "guinea", "jordan", "georgia",
	"niger", "dominica", "cuba", "china", "turkey", "israel", "norway", "wales",
	"malta", "peru", "chile", "mali", "togo", "oman", "iran", "iraq", "laos",
	"kenya", "samoa", "tonga", "fiji", "nauru", "palau", "benin", "gabon",
	"sudan", "yemen", "syria", "japan", "nepal", "qatar", "spain", "italy",
	"haiti", "egypt", "korea", "libya", "ghana", "congo", "angola", "canada",
	"france", "russia", "poland", "mexico", "brazil", "cyprus", "greece",
	"monaco", "panama", "belize", "bhutan", "brunei", "gambia", "guyana",
	"jamaica", "kuwait", "latvia", "malawi", "malaysia", "moldova", "mongolia",
	"morocco", "myanmar", "nigeria", "rwanda", "senegal", "serbia", "somalia",
	"sweden", "taiwan", "tunisia", "tuvalu", "uganda", "ukraine", "zambia",
	"austria", "belgium", "bolivia", "bulgaria", "burundi", "colombia",
	"croatia", "denmark", "ecuador", "eritrea", "estonia", "finland",
	"germany", "grenada", "hungary", "iceland", "ireland", "lebanon",
	"lesotho", "liberia", "lithuania", "namibia", "pakistan", "paraguay",
	"portugal", "romania", "slovakia", "slovenia", "tanzania", "thailand",
	"uruguay", "vanuatu", "vietnam", "zimbabwe", "andorra", "albania",
	"algeria", "argentina", "armenia", "australia", "bahrain", "botswana",
	"cambodia", "comoros", "djibouti", "ethiopia", "honduras", "indonesia",
	"kiribati", "mauritania", "mozambique", "nicaragua", "singapore",
	"suriname", "venezuela", "afghanistan", "azerbaijan", "bangladesh",
	"cameroon", "kazakhstan", "kyrgyzstan", "liechtenstein", "luxembourg",
	"madagascar", "maldives", "micronesia", "montenegro", "philippines",
	"tajikistan", "turkmenistan", "uzbekistan", "victoria", "georgia",
	"jersey", "guernsey", "aruba", "anguilla", "bermuda", "cayman", "niue",
	"tokelau", "mayotte", "reunion", "martinique", "guadeloupe", "curacao",
	"gibraltar", "greenland", "montserrat", "pitcairn", "macao", "macau",
	"hong kong", "puerto rico", "guam", "sint maarten", "saint martin",
	"lao", "kosovo", "palestine", "bosnia", "herzegovina", "macedonia",
	"salvador", "costa", "rica", "dominican", "republic", "union", "states",
	"united", "kingdom", "emirates", "arabia", "saudi", "south", "north",
	"east", "west", "new", "papua", "islands", "isle", "saint", "sao",
	"mark", "marc", "holland", "swiss", "china", "irak", "persia", "corea",
	"nova", "norge", "marocco", "litva", "sina", "kina", "chine", "cina",
	"indie", "inde", "india", "indien", "italia", "japon", "russie", "rusia",
	"paris", "london", "berlin", "roma", "rome", "vienna", "austral",
	NULL
};

static int stopped(const char *s)
{
	char low[256];
	size_t i;
	for (i = 0; s[i] && i < sizeof low - 1; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
	low[i] = '\0';
	for (i = 0; stop[i]; i++)
		if (strcmp(low, stop[i]) == 0)
			return 1;
	return 0;
}

/* ---- a tiny .mo reader ------------------------------------------------------ */

typedef struct {
	char *data;
	size_t len;
	uint32_t n, orig, trans;
	int swap;
} mo_file;

static uint32_t rd32(const mo_file *m, size_t off)
{
	uint32_t v;
	if (off + 4 > m->len)
		return 0;
	memcpy(&v, m->data + off, 4);
	if (m->swap)
		v = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
	return v;
}

static int mo_open(mo_file *m, const char *path)
{
	FILE *fp = fopen(path, "rb");
	long sz;
	uint32_t magic;
	memset(m, 0, sizeof *m);
	if (!fp)
		return -1;
	fseek(fp, 0, SEEK_END);
	sz = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	if (sz < 28) {
		fclose(fp);
		return -1;
	}
	m->data = malloc((size_t)sz);
	if (!m->data || fread(m->data, 1, (size_t)sz, fp) != (size_t)sz) {
		fclose(fp);
		free(m->data);
		return -1;
	}
	fclose(fp);
	m->len = (size_t)sz;
	memcpy(&magic, m->data, 4);
	if (magic == 0x950412de)
		m->swap = 0;
	else if (magic == 0xde120495)
		m->swap = 1;
	else {
		free(m->data);
		return -1;
	}
	m->n = rd32(m, 8);
	m->orig = rd32(m, 12);
	m->trans = rd32(m, 16);
	return 0;
}

/* The translation of msgid, or NULL. */
static const char *mo_get(const mo_file *m, const char *id)
{
	uint32_t i;
	for (i = 0; i < m->n; i++) {
		uint32_t l = rd32(m, m->orig + i * 8), o = rd32(m, m->orig + i * 8 + 4);
		if (o + l >= m->len)
			continue;
		if (strlen(id) == l && memcmp(m->data + o, id, l) == 0) {
			uint32_t tl = rd32(m, m->trans + i * 8), to = rd32(m, m->trans + i * 8 + 4);
			if (to + tl >= m->len || tl == 0)
				return NULL;
			return m->data + to;
		}
	}
	return NULL;
}

/* ---- names -------------------------------------------------------------------- */

typedef struct {
	char *name;     /* as written, parenthesis removed */
	char *key;      /* lower-cased ASCII letters for conflicts */
	int country;
	char langs[200];
	int english;
	int drop;
} name_t;

static name_t *names;
static size_t nnames, capnames;

typedef struct {
	char a3[4];
	char *en[3];
} country_t;

static country_t *countries;
static size_t ncountries;

static char *clean(const char *s)
{
	/* drop a parenthesis and trim */
	char *out = malloc(strlen(s) + 1), *p;
	size_t k = 0, i;
	int depth = 0;
	for (i = 0; s[i]; i++) {
		if (s[i] == '(') {
			depth++;
			continue;
		}
		if (s[i] == ')') {
			if (depth)
				depth--;
			continue;
		}
		if (!depth)
			out[k++] = s[i];
	}
	out[k] = '\0';
	while (k && (out[k - 1] == ' '))
		out[--k] = '\0';
	p = out;
	while (*p == ' ')
		p++;
	memmove(out, p, strlen(p) + 1);
	return out;
}

static char *keyof(const char *s)
{
	/* a crude fold: ASCII lower case; other bytes kept */
	char *k = malloc(strlen(s) + 1);
	size_t i;
	for (i = 0; s[i]; i++)
		k[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
	k[i] = '\0';
	return k;
}

static int latin(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++)
		if (*p >= 0x80 && *p != 0xC3 && *p != 0xC4 && *p != 0xC5 && *p != 0xC6 &&
		    *p != 0xC7 && *p != 0xC8 && *p != 0xC9 && !(*p >= 0x80 && *p <= 0xBF))
			return 0;
	return 1;
}

static void add_name(const char *raw, int country, const char *lang, int english)
{
	char *nm;
	size_t i;
	if (!raw || !*raw || strchr(raw, ','))
		return;
	nm = clean(raw);
	if (!*nm) {
		free(nm);
		return;
	}
	for (i = 0; i < nnames; i++)
		if (names[i].country == country && strcmp(names[i].name, nm) == 0) {
			if (!names[i].english && strlen(names[i].langs) + strlen(lang) + 2 <
			                             sizeof names[i].langs &&
			    !strstr(names[i].langs, lang)) {
				strcat(names[i].langs, " ");
				strcat(names[i].langs, lang);
			}
			names[i].english |= english;
			free(nm);
			return;
		}
	if (nnames == capnames) {
		capnames = capnames ? capnames * 2 : 4096;
		names = realloc(names, capnames * sizeof *names);
	}
	memset(&names[nnames], 0, sizeof names[nnames]);
	names[nnames].name = nm;
	names[nnames].key = keyof(nm);
	names[nnames].country = country;
	names[nnames].english = english;
	snprintf(names[nnames].langs, sizeof names[nnames].langs, "%s", lang);
	nnames++;
}

static int cmp_key(const void *a, const void *b)
{
	const name_t *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : x->country - y->country;
}

static int cmp_country(const void *a, const void *b)
{
	const name_t *x = a, *y = b;
	if (x->country != y->country)
		return x->country - y->country;
	if (x->english != y->english)
		return y->english - x->english;
	return strcmp(x->name, y->name);
}

static void phrase(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == ' ' ? '_' : *s, f);
	fputc('_', f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	json_error_t jerr;
	json_t *root, *arr, *ver;
	size_t i;
	DIR *dir;
	struct dirent *de;
	char **locales = NULL;
	size_t nloc = 0;
	char path[4096];
	FILE *fe, *fl;
	const char *version = "4";
	FILE *vf;
	if (argc != 4) {
		fprintf(stderr, "usage: gen_iso_actors JSON LOCALEDIR OUTDIR\n");
		return 2;
	}
	root = json_load_file(argv[1], 0, &jerr);
	if (!root) {
		fprintf(stderr, "gen_iso_actors: %s:%d: %s\n", argv[1], jerr.line, jerr.text);
		return 1;
	}
	arr = json_object_get(root, "3166-1");
	if (!json_is_array(arr)) {
		fprintf(stderr, "gen_iso_actors: %s: no \"3166-1\" array\n", argv[1]);
		return 1;
	}
	(void)ver;
	/* the package version, for the source lines */
	vf = popen("dpkg-query -W -f='${Version}' iso-codes 2>/dev/null", "r");
	if (vf) {
		static char vb[64];
		if (fgets(vb, sizeof vb, vf) && vb[0])
			version = vb;
		pclose(vf);
	}
	ncountries = json_array_size(arr);
	countries = calloc(ncountries, sizeof *countries);
	for (i = 0; i < ncountries; i++) {
		json_t *c = json_array_get(arr, i);
		const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
		const char *keys[3] = {"name", "official_name", "common_name"};
		int k;
		if (!a3 || strlen(a3) != 3)
			continue;
		memcpy(countries[i].a3, a3, 4);
		for (k = 0; k < 3; k++) {
			const char *v = json_string_value(json_object_get(c, keys[k]));
			countries[i].en[k] = v ? strdup(v) : NULL;
			add_name(v, (int)i, "en", 1);
		}
	}
	/* languages */
	dir = opendir(argv[2]);
	if (dir) {
		while ((de = readdir(dir)) != NULL) {
			FILE *t;
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/iso_3166-1.mo", argv[2], de->d_name);
			t = fopen(path, "rb");
			if (!t)
				continue;
			fclose(t);
			locales = realloc(locales, (nloc + 1) * sizeof *locales);
			locales[nloc++] = strdup(de->d_name);
		}
		closedir(dir);
	}
	qsort(locales, nloc, sizeof *locales, cmp_str);
	for (i = 0; i < nloc; i++) {
		mo_file m;
		size_t c;
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/iso_3166-1.mo", argv[2], locales[i]);
		if (mo_open(&m, path) < 0)
			continue;
		for (c = 0; c < ncountries; c++) {
			int k;
			if (!countries[c].a3[0])
				continue;
			for (k = 0; k < 3; k++)
				if (countries[c].en[k])
					add_name(mo_get(&m, countries[c].en[k]), (int)c, locales[i], 0);
		}
		free(m.data);
	}
	/* drop conflicts: a name (folded) given to two countries */
	qsort(names, nnames, sizeof *names, cmp_key);
	for (i = 0; i < nnames;) {
		size_t j = i + 1;
		int conflict = 0;
		while (j < nnames && strcmp(names[j].key, names[i].key) == 0) {
			if (names[j].country != names[i].country)
				conflict = 1;
			j++;
		}
		if (conflict) {
			size_t k;
			for (k = i; k < j; k++)
				names[k].drop = 1;
		}
		i = j;
	}
	for (i = 0; i < nnames; i++) {
		name_t *n = &names[i];
		if (n->english)
			continue;
		if (stopped(n->name))
			n->drop = 1;
		else if (latin(n->name)) {
			size_t letters = 0;
			const char *p;
			for (p = n->name; *p; p++)
				if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z') ||
				    (*p >= 'a' && *p <= 'z'))
					letters++;
			if (letters < 4)
				n->drop = 1;
		}
	}
	/* an English name of another country wins over a translation */
	qsort(names, nnames, sizeof *names, cmp_country);
	snprintf(path, sizeof path, "%s/iso-countries.actors", argv[3]);
	fe = fopen(path, "w");
	snprintf(path, sizeof path, "%s/iso-locales.actors", argv[3]);
	fl = fopen(path, "w");
	if (!fe || !fl) {
		fprintf(stderr, "gen_iso_actors: cannot write to %s\n", argv[3]);
		return 1;
	}
	fprintf(fe, "#%% case\n# iso-countries.actors - generated at build time by "
	            "tools/gen_iso_actors.c from Debian iso-codes %s\n"
	            "# (/usr/share/iso-codes/json/iso_3166-1.json): the English name, "
	            "official name and common name of every ISO 3166-1 country.\n\n",
	        version);
	fprintf(fl, "#%% case\n# iso-locales.actors - generated at build time by "
	            "tools/gen_iso_actors.c from the gettext catalogues of Debian "
	            "iso-codes %s\n# (/usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo): "
	            "ISO 3166-1 names in other languages; each line lists its languages.\n\n",
	        version);
	for (i = 0; i < nnames;) {
		size_t j = i;
		int c = names[i].country, first_e = 1, first_l = 1;
		while (j < nnames && names[j].country == c)
			j++;
		for (; i < j; i++) {
			name_t *n = &names[i];
			if (n->drop && !n->english)
				continue;
			if (n->english) {
				if (first_e) {
					phrase(fe, n->name);
					fprintf(fe, " [%s] # source: iso-codes %s, iso_3166-1.json\n",
					        countries[c].a3, version);
					first_e = 0;
				} else {
					fputc('+', fe);
					phrase(fe, n->name);
					fputc('\n', fe);
				}
			} else {
				if (first_l) {
					phrase(fl, n->name);
					fprintf(fl, " [%s] # %s; source: iso-codes %s, iso_3166-1.mo\n",
					        countries[c].a3, n->langs, version);
					first_l = 0;
				} else {
					fputc('+', fl);
					phrase(fl, n->name);
					fprintf(fl, " # %s\n", n->langs);
				}
			}
		}
		if (!first_e)
			fputc('\n', fe);
		if (!first_l)
			fputc('\n', fl);
	}
	fclose(fe);
	fclose(fl);
	json_decref(root);
	for (i = 0; i < nnames; i++) {
		free(names[i].name);
		free(names[i].key);
	}
	free(names);
	for (i = 0; i < ncountries; i++) {
		free(countries[i].en[0]);
		free(countries[i].en[1]);
		free(countries[i].en[2]);
	}
	free(countries);
	for (i = 0; i < nloc; i++)
		free(locales[i]);
	free(locales);
	return 0;
}
