/*
 * date.c - calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), using the days-from-civil algorithm described by Howard
 * Hinnant ("chrono-Compatible Low-Level Date Algorithms").
 */
#include "entente/common.h"
#include "util/date.h"

#include <stdio.h>
#include <time.h>

ent_date ent_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (ent_date)(era * 146097 + doe - 719468);
}

void ent_date_to_ymd(ent_date z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

int ent_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int ent_date_parse(ent_date *out, const char *s, size_t len)
{
	int y, m, d, i;
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return ENT_EINVAL;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return ENT_EINVAL;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > ent_days_in_month(y, m))
		return ENT_EINVAL;
	*out = ent_date_from_ymd(y, m, d);
	return 0;
}

char *ent_date_format(char *buf, ent_date d)
{
	int y, m, dd;
	if (d == ENT_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	ent_date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, dd);
	return buf;
}

ent_date ent_date_today(void)
{
	time_t t = time(NULL);
	return (ent_date)(t / 86400);
}
