/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the dataset loader: any bytes give either a dataset
 * that keeps its promises or an error that names the file, and never a
 * crash, a hang, a leak or a GLib critical. Built by tests/fuzz/build.sh. */
#include <stdint.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-escape.h"
#include "hl-json-check.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* A g_return_if_fail() reached from a file is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_dataset (HlDataset *dataset)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  guint n = hl_dataset_get_n_events (dataset);
  gint64 from, to;

  g_assert (n_lanes >= 1 && n_lanes <= HL_DATASET_MAX_LANES);
  hl_dataset_get_default_range (dataset, &from, &to);
  g_assert (from < to);

  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);
      const HlLane *lane;

      g_assert (ev->id != NULL && ev->id[0] != '\0' && ev->title != NULL);
      g_assert (g_utf8_validate (ev->title, -1, NULL));
      g_assert (ev->lane < n_lanes);
      g_assert (i == 0 || hl_dataset_get_event (dataset, i - 1)->time <= ev->time);
      g_assert (hl_dataset_find_event (dataset, ev->id) == (int) i);
      g_assert (hl_dataset_lower_bound (dataset, ev->time) <= i);
      lane = hl_dataset_get_lane (dataset, ev->lane);
      if (lane->measure == HL_MEASURE_USD)
        g_assert (ev->usd >= 0 && ev->usd <= 1e15);
      else
        g_assert (ev->count >= 1);
      if (ev->has_usd_range)
        g_assert (ev->usd_low <= ev->usd_high);
      g_assert ((ev->n_sources == 0) == (ev->sources == NULL));
      for (guint s = 0; s < ev->n_sources; s++)
        {
          g_assert (ev->sources[s].url != NULL && ev->sources[s].title != NULL);
          (void) hl_source_url_is_openable (ev->sources[s].url);
        }
    }
  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (dataset, i);

      g_assert (lane->n_kinds <= HL_KINDS_MAX_PER_LANE);
      g_assert ((lane->n_kinds == 0) == (lane->kinds == NULL));
      for (guint k = 0; k < lane->n_kinds; k++)
        {
          const HlKind *kind = &lane->kinds[k];

          g_assert (kind->name != NULL && kind->name[0] != '\0');
          g_assert (kind->shape < HL_N_SHAPES && kind->rank >= 0 && kind->rank <= 3);
          g_assert (kind->label == NULL || kind->label[0] != '\0');
          /* Each name finds its own entry: no two differ only in case. */
          g_assert (hl_dataset_lane_kind (dataset, i, kind->name) == kind);
        }
    }
  for (guint i = 0; i < hl_dataset_get_n_periods (dataset); i++)
    g_assert (hl_dataset_get_period (dataset, i)->from < hl_dataset_get_period (dataset, i)->to);
  for (guint i = 0; i < hl_dataset_get_n_facts (dataset); i++)
    g_assert (hl_dataset_get_fact (dataset, i)->text != NULL);
}

/* What the syntax check lets through, json-glib must parse: the loader
 * relies on it (and depth stays within what json-glib survives). */
static void
check_agrees_with_json_glib (const uint8_t *data, size_t size)
{
  const HlJsonLimits limits = { HL_DATASET_MAX_DEPTH, 1024 * 1024 };
  g_autofree char *problem = NULL;
  guint line, col;

  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return;
  if (hl_json_check ((const char *) data, size, &limits, NULL, &line, &col, &problem))
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, &error))
        g_error ("the syntax check accepted what json-glib refuses: %s", error->message);
    }
  else
    g_assert (problem != NULL && line >= 1 && col >= 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "fuzz.json", NULL, &error);

  if (dataset != NULL)
    {
      g_assert (error == NULL);
      check_dataset (dataset);
    }
  else
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.json"));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      /* nothing a terminal would act on: one problem is one line */
      g_assert (!hl_escape_needed (error->message, -1, HL_ESCAPE_KEEP_NEWLINES));
      g_assert (strlen (error->message) < 64 * 1024);
    }

  check_agrees_with_json_glib (data, size);

  /* Short inputs double as dates. */
  if (size < 64)
    {
      g_autofree char *text = g_strndup ((const char *) data, size);
      const char *problem = NULL;
      gint64 t, instant;

      if (hl_date_parse_full (text, &t, &instant, NULL, &problem))
        {
          int y, m, d;

          hl_date_to_ymd (t, &y, &m, &d);
          g_assert (y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
          hl_date_to_ymd (instant, &y, NULL, NULL);
          g_assert (y >= 1 && y <= 9999);
          g_assert (t - instant < HL_SECONDS_PER_DAY && instant - t < HL_SECONDS_PER_DAY);
        }
      else
        g_assert (problem != NULL);
    }
  return 0;
}
