/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heistline-gen N [FILE]: writes a generated dataset of N events to FILE
 * (default: standard output). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "hl-bench-gen.h"

int
main (int argc, char **argv)
{
  guint64 seed = 1;
  guint64 n;
  FILE *out = stdout;

  if (argc < 2 || argc > 4 || !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXUINT, &n, NULL))
    {
      fprintf (stderr, "usage: %s N-EVENTS [FILE [SEED]]\n", argv[0]);
      return 2;
    }
  if (argc == 4 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT64, &seed, NULL))
    {
      fprintf (stderr, "%s: bad seed “%s”\n", argv[0], argv[3]);
      return 2;
    }
  if (argc >= 3 && (out = fopen (argv[2], "w")) == NULL)
    {
      fprintf (stderr, "%s: %s: %s\n", argv[0], argv[2], g_strerror (errno));
      return 1;
    }
  if (!hl_bench_write_dataset (out, (guint) n, seed) || (out != stdout && fclose (out) != 0))
    {
      fprintf (stderr, "%s: write error: %s\n", argv[0], g_strerror (errno));
      return 1;
    }
  return 0;
}
