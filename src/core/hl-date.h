/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are seconds since the Unix epoch, on a calendar without time zones:
 * a date-time is its own local date and time as written, counted as if it
 * were UTC ("2023-12-31T23:30-05:00" is 31 December 2023, 23:30), so every
 * event is drawn, binned and totalled on the day its source dated it. The
 * exact moment (the offset applied) is kept as an event's `instant`. A
 * plain date ("2023-09-04") stands for the middle of that day, so its mark
 * sits in the middle of the day's column at every zoom level. */
#define HL_SECONDS_PER_DAY ((gint64) 86400)

gboolean hl_date_parse             (const char  *text,
                                    gint64      *out_time,
                                    gboolean    *out_is_date_only,
                                    const char **out_problem);
gboolean hl_date_parse_full        (const char  *text,
                                    gint64      *out_time,
                                    gint64      *out_instant,
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
