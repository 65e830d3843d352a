/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heistline-gen [--realistic] N [FILE [SEED [PERIODS]]]: writes a
 * generated dataset of N events (and PERIODS generated periods) to FILE
 * (default: standard output). --realistic: the profile of analysts' own
 * lists over ten years (heavy-tailed amounts, same-day bursts, outliers,
 * several kinds per count lane; see hl-bench-gen.c), without periods. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "hl-bench-gen.h"

int
main (int argc, char **argv)
{
  guint64 seed = 1;
  guint64 n, n_periods = 0;
  FILE *out = stdout;
  gboolean realistic = argc > 1 && g_str_equal (argv[1], "--realistic");
  gboolean ok;

  if (realistic)
    {
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  if (argc < 2 || argc > 5 || !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXUINT, &n, NULL))
    {
      fprintf (stderr, "usage: %s [--realistic] N-EVENTS [FILE [SEED [N-PERIODS]]]\n", argv[0]);
      return 2;
    }
  if (argc >= 4 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT64, &seed, NULL))
    {
      fprintf (stderr, "%s: bad seed “%s”\n", argv[0], argv[3]);
      return 2;
    }
  if (argc == 5 && !g_ascii_string_to_unsigned (argv[4], 10, 0, G_MAXUINT, &n_periods, NULL))
    {
      fprintf (stderr, "%s: bad number of periods “%s”\n", argv[0], argv[4]);
      return 2;
    }
  if (argc >= 3 && (out = fopen (argv[2], "w")) == NULL)
    {
      fprintf (stderr, "%s: %s: %s\n", argv[0], argv[2], g_strerror (errno));
      return 1;
    }
  if (realistic && n_periods > 0)
    {
      fprintf (stderr, "%s: the realistic profile has no generated periods\n", argv[0]);
      return 2;
    }
  ok = realistic ? hl_bench_write_dataset_realistic (out, (guint) n, seed)
                 : hl_bench_write_dataset_with_periods (out, (guint) n, (guint) n_periods, seed);
  if (!ok || (out != stdout && fclose (out) != 0))
    {
      fprintf (stderr, "%s: write error: %s\n", argv[0], g_strerror (errno));
      return 1;
    }
  return 0;
}
