/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* Years the generated events are spread over. */
#define HL_BENCH_FIRST_YEAR 1984
#define HL_BENCH_LAST_YEAR  2024

gboolean hl_bench_write_dataset (FILE   *out,
                                 guint   n_events,
                                 guint64 seed);
gboolean hl_bench_write_dataset_with_periods (FILE   *out,
                                              guint   n_events,
                                              guint   n_periods,
                                              guint64 seed);

gboolean hl_bench_write_dataset_realistic (FILE   *out,
                                           guint   n_events,
                                           guint64 seed);

G_END_DECLS
