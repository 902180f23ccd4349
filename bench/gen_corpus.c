/*
 * gen_corpus.c - a seeded generator of a news-like JSONL corpus for the
 * benchmarks.
 *
 * Vocabulary: ~300 frequent English words and ~120 names of states,
 * capitals and leaders at the top ranks, then 60,000 synthetic words built
 * from syllables; words are drawn with a Zipf distribution (s = 1.07) over
 * the whole list, so the text has a realistic long tail instead of a few
 * templates that keep caches hot.  Sentences are 6-40 words with commas,
 * quotes, abbreviations ("U.S.", "Jan. 5", "3.5"), a little non-ASCII and
 * the artifacts the text stage repairs, at low rates.
 *
 * usage: gen_corpus [-s SEED] [-m MEGABYTES] [-d] > corpus.jsonl
 *        -d also writes one gold event line per sentence (not used yet)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static double unif(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static const char *common[] = {
	"the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for",
	"it", "with", "as", "his", "on", "be", "at", "by", "had", "are", "but",
	"from", "or", "have", "an", "they", "which", "one", "were", "all", "we",
	"when", "there", "can", "been", "has", "more", "if", "no", "out", "so",
	"said", "what", "up", "its", "about", "into", "than", "them", "only",
	"other", "new", "some", "could", "time", "these", "two", "may", "then",
	"first", "any", "like", "now", "over", "such", "our", "also", "after",
	"made", "most", "before", "must", "through", "back", "years", "where",
	"much", "your", "way", "well", "down", "should", "because", "each",
	"just", "those", "people", "how", "too", "little", "state", "good",
	"very", "make", "world", "still", "own", "see", "men", "work", "long",
	"get", "here", "between", "both", "life", "being", "under", "never",
	"day", "same", "another", "know", "while", "last", "might", "us",
	"great", "old", "year", "off", "come", "since", "against", "go",
	"came", "right", "used", "take", "three", "states", "himself", "few",
	"house", "use", "during", "without", "again", "place", "around",
	"however", "home", "small", "found", "thought", "went", "say", "part",
	"once", "general", "high", "upon", "school", "every", "war", "united",
	"government", "minister", "president", "military", "talks", "meeting",
	"forces", "security", "foreign", "defence", "officials", "leader",
	"agreement", "sanctions", "summit", "treaty", "visit", "missile",
	"nuclear", "ministry", "spokesman", "statement", "border", "troops",
	"attack", "strikes", "council", "resolution", "vote", "veto", "aid",
	"weapons", "alliance", "cooperation", "relations", "economic", "trade",
	"support", "region", "country", "countries", "international", "national",
	"week", "month", "Tuesday", "Wednesday", "Thursday", "Friday", "Monday",
	"met", "signed", "warned", "condemned", "accused", "pledged", "agreed",
	"rejected", "denied", "urged", "called", "hosted", "visited", "praised",
	"threatened", "imposed", "expelled", "supplied", "deployed", "launched",
	"fired", "invaded", "withdrew", "announced", "told", "reporters",
	"according", "state", "media", "news", "agency", "joint", "exercises",
	"drills", "navy", "army", "air", "force", "coast", "guard", "deal",
	"energy", "oil", "gas", "grain", "exports", "imports", "talks", "peace",
	"ceasefire", "humanitarian", "refugees", "election", "parliament",
	NULL};
static const char *names[] = {
	"Russia", "China", "North Korea", "South Korea", "Japan", "United States",
	"Ukraine", "Iran", "Israel", "India", "Pakistan", "Turkey", "Germany",
	"France", "Britain", "Saudi Arabia", "Qatar", "Egypt", "Syria", "Taiwan",
	"Vietnam", "the Philippines", "Australia", "Poland", "Finland", "Sweden",
	"Moscow", "Beijing", "Pyongyang", "Seoul", "Tokyo", "Washington", "Kyiv",
	"Tehran", "Jerusalem", "New Delhi", "Islamabad", "Ankara", "Berlin",
	"Paris", "London", "Riyadh", "Doha", "Cairo", "Damascus", "Taipei",
	"Hanoi", "Manila", "Canberra", "Warsaw", "Helsinki", "Stockholm",
	"the Kremlin", "the White House", "the Pentagon", "Downing Street",
	"Putin", "Xi Jinping", "Kim Jong Un", "Yoon Suk Yeol", "Kishida",
	"Biden", "Zelensky", "Khamenei", "Netanyahu", "Modi", "Erdogan",
	"Scholz", "Macron", "Sunak", "Lavrov", "Wang Yi", "Blinken", "Shoigu",
	"Choe Son Hui", "NATO", "the European Union", "the United Nations",
	"the Security Council", "ASEAN", "the African Union", "the IAEA",
	"Russian", "Chinese", "North Korean", "South Korean", "Japanese",
	"American", "Ukrainian", "Iranian", "Israeli", "Indian", "Pakistani",
	"Turkish", "German", "French", "British", "Saudi", "Egyptian", "Syrian",
	"Россия", "中国", "北朝鲜", "Pyeongyang", "Erdoğan", "Zelenskyy", NULL};

static const char *syl[] = {
	"ba", "ro", "ka", "ti", "mon", "sel", "dra", "ve", "lu", "stan", "gor",
	"pi", "ne", "tro", "val", "sha", "qui", "der", "fa", "len", "mor", "zi",
	"cal", "pe", "ru", "tha", "bri", "on", "ex", "im", "ple", "ment", "tion",
	"al", "ic", "ous", "er", "ing", "ed", "ly", "ant", "ist", "ive", "ure",
	NULL};

#define NSYN 60000
static char **vocab;
static size_t nvocab;
static double *cdf;

static void build_vocab(void)
{
	size_t nc = 0, nn = 0, ns = 0, i;
	while (common[nc])
		nc++;
	while (names[nn])
		nn++;
	while (syl[ns])
		ns++;
	nvocab = nc + nn + NSYN;
	vocab = malloc(nvocab * sizeof(char *));
	cdf = malloc(nvocab * sizeof(double));
	for (i = 0; i < nc; i++)
		vocab[i] = (char *)common[i];
	/* names interleave with the common words by rank */
	for (i = 0; i < nn; i++)
		vocab[nc + i] = (char *)names[i];
	for (i = 0; i < NSYN; i++) {
		char w[64] = "";
		int k, n = 2 + (int)(next() % 3);
		for (k = 0; k < n; k++)
			strcat(w, syl[next() % ns]);
		vocab[nc + nn + i] = strdup(w);
	}
	{
		double s = 0;
		for (i = 0; i < nvocab; i++) {
			s += 1.0 / pow((double)(i + 1), 1.07);
			cdf[i] = s;
		}
		for (i = 0; i < nvocab; i++)
			cdf[i] /= s;
	}
}

static const char *word(void)
{
	double u = unif();
	size_t lo = 0, hi = nvocab - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return vocab[lo];
}

/* Append a JSON-escaped string to out. */
static void put_json(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out), fputc(*s, out);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

static size_t sentence(char *buf, size_t cap)
{
	size_t k = 0;
	int n = 6 + (int)(next() % 35), i;
	int quote = unif() < 0.08;
	if (quote)
		k += (size_t)snprintf(buf + k, cap - k, "\"");
	for (i = 0; i < n && k < cap - 64; i++) {
		const char *w = word();
		double r = unif();
		if (i) {
			if (r < 0.004)
				k += (size_t)snprintf(buf + k, cap - k, " -");      /* artifact */
			else if (r < 0.006)
				k += (size_t)snprintf(buf + k, cap - k, "  ");      /* space run */
			else
				buf[k++] = ' ';
		}
		if (r > 0.995)
			w = "U.S.";
		else if (r > 0.992)
			w = "Jan. 5";
		else if (r > 0.989)
			w = "3.5";
		else if (r > 0.987)
			w = "Gen.";
		if (i == 0 && w[0] >= 'a' && w[0] <= 'z') {
			buf[k++] = (char)(w[0] - 32);
			w++;
		}
		k += (size_t)snprintf(buf + k, cap - k, "%s", w);
		if (unif() < 0.06 && i < n - 1)
			buf[k++] = ',';
	}
	buf[k++] = unif() < 0.05 ? '?' : '.';
	if (quote)
		buf[k++] = '"';
	buf[k] = '\0';
	return k;
}

int main(int argc, char **argv)
{
	int c;
	double mb = 100;
	long doc = 0;
	size_t written = 0;
	static char text[1 << 20], sbuf[4096];
	while ((c = getopt(argc, argv, "s:m:")) != -1) {
		if (c == 's')
			rng = 88172645463325252ULL ^ (uint64_t)atoll(optarg) * 0x9E3779B97F4A7C15ULL;
		else if (c == 'm')
			mb = atof(optarg);
		else {
			fprintf(stderr, "usage: gen_corpus [-s SEED] [-m MEGABYTES]\n");
			return 2;
		}
	}
	if (!rng)
		rng = 1;
	build_vocab();
	while (written < (size_t)(mb * 1e6)) {
		size_t k = 0;
		int paras = 3 + (int)(next() % 8), p;
		int day = 1 + (int)(next() % 28), month = 1 + (int)(next() % 12);
		int year = 2015 + (int)(next() % 11);
		for (p = 0; p < paras; p++) {
			int ns = 1 + (int)(next() % 5), s;
			if (p)
				k += (size_t)snprintf(text + k, sizeof text - k, "\n\n");
			for (s = 0; s < ns; s++) {
				size_t l = sentence(sbuf, sizeof sbuf);
				if (k + l + 2 >= sizeof text)
					break;
				/* occasionally glue sentences without a space */
				if (s && unif() > 0.01)
					text[k++] = ' ';
				memcpy(text + k, sbuf, l);
				k += l;
			}
		}
		text[k] = '\0';
		printf("{\"id\":\"gen-%07ld\",\"date\":\"%04d-%02d-%02d\","
		       "\"source\":\"generated\",\"title\":\"", doc++, year, month, day);
		sentence(sbuf, 200);
		put_json(stdout, sbuf);
		fputs("\",\"text\":\"", stdout);
		put_json(stdout, text);
		fputs("\"}\n", stdout);
		written += k + 100;
	}
	return 0;
}
