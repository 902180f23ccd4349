/*
 * date.h - internal calendar helpers behind the public ent_date functions.
 */
#ifndef ENT_DATE_H
#define ENT_DATE_H

#include "entente/common.h"

ent_date ent_date_from_ymd(int y, int m, int d);
void ent_date_to_ymd(ent_date z, int *y, int *m, int *d);
int ent_days_in_month(int y, int m);

#endif
