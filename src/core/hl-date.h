/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are seconds since the Unix epoch, UTC. A plain date ("2023-09-04")
 * stands for the middle of that day, so its mark sits in the middle of the
 * day's column at every zoom level. */
#define HL_SECONDS_PER_DAY ((gint64) 86400)

gboolean hl_date_parse             (const char  *text,
                                    gint64      *out_time,
                                    gboolean    *out_is_date_only,
                                    const char **out_problem);
gint64   hl_date_from_ymd          (int          year,
                                    int          month,
                                    int          day);
void     hl_date_to_ymd            (gint64       time,
                                    int         *year,
                                    int         *month,
                                    int         *day);
gint64   hl_date_floor_day         (gint64       time);
char    *hl_date_format_iso        (gint64       time);
char    *hl_date_format_long       (gint64       time);
char    *hl_date_format_range      (gint64       from,
                                    gint64       to);

G_END_DECLS
