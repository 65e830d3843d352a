/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A proximity analysis written out: plain text in the user's language,
 * and CSV and JSON that read the same in every locale (ASCII digits, a
 * point for decimals, English keys). The command line prints them; the
 * analysis dialog saves the CSV. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-escape.h"
#include "hl-proximity.h"

/* An amount as a plain number: whole dollars or a count as an integer,
 * cents with two decimals. */
static char *
plain_units (HlDataset *dataset, guint lane, gint64 units)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (hl_dataset_get_lane (dataset, lane)->measure != HL_MEASURE_USD)
    return g_strdup_printf ("%" G_GINT64_FORMAT, units);
  if (units % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, units / 100);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", units / 100.0));
}

/* The day the analysis counts an event on, as the dialog shows it: a
 * date-time's own date as written ("2023-12-18T08:24:00+09:00" is
 * 2023-12-18), with no time or offset that the analysis does not use. */
static char *
event_day (const HlEvent *ev)
{
  return hl_date_format_iso (ev->time);
}

static void
append_csv_field (GString *out, const char *text)
{
  g_autofree char *safe = hl_escape_text (text, -1, HL_ESCAPE_NONE);

  g_string_append_c (out, '"');
  for (const char *p = safe; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The table: one row per following event, with the number and the amount
 * of the leading events within the window before it. */
char *
hl_proximity_to_csv (HlDataset *dataset, const HlProximity *self)
{
  GString *out;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("follow_id,follow_date,follow_title,window_days,lead_events,lead_amount\r\n");
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HlProximityRow *row = &g_array_index (self->rows, HlProximityRow, i);
      const HlEvent *ev = hl_dataset_get_event (dataset, row->event);
      g_autofree char *amount = plain_units (dataset, self->settings.lead, row->amount);
      g_autofree char *day = event_day (ev);

      append_csv_field (out, ev->id);
      g_string_append_c (out, ',');
      append_csv_field (out, day);
      g_string_append_c (out, ',');
      append_csv_field (out, ev->title);
      g_string_append_printf (out, ",%u,%u,%s\r\n", self->settings.window_days,
                              row->n_lead, amount);
    }
  return g_string_free (out, FALSE);
}

static void
add_amount (JsonBuilder *b, HlDataset *dataset, guint lane, const char *name, gint64 units)
{
  json_builder_set_member_name (b, name);
  if (hl_dataset_get_lane (dataset, lane)->measure != HL_MEASURE_USD)
    json_builder_add_int_value (b, units);
  else if (units % 100 == 0)
    json_builder_add_int_value (b, units / 100);
  else
    json_builder_add_double_value (b, units / 100.0);
}

static void
add_lane (JsonBuilder *b, HlDataset *dataset, const char *name, guint lane)
{
  const HlLane *l = hl_dataset_get_lane (dataset, lane);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, l->id);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, l->title);
  json_builder_set_member_name (b, "measure");
  json_builder_add_string_value (b, l->measure == HL_MEASURE_USD ? "usd" : "count");
  json_builder_end_object (b);
}

static void
add_event (JsonBuilder *b, HlDataset *dataset, guint event)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);
  g_autofree char *day = event_day (ev);

  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, ev->id);
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, day);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, ev->title);
}

/* @name: the ids of @events (dataset indices). */
static void
add_ids (JsonBuilder *b, HlDataset *dataset, const char *name, GArray *events)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < events->len; i++)
    json_builder_add_string_value (b, hl_dataset_get_event (dataset,
                                     g_array_index (events, guint, i))->id);
  json_builder_end_array (b);
}

static void
add_test (JsonBuilder *b, HlDataset *dataset, const HlProximity *self)
{
  guint lead = self->settings.lead;

  json_builder_set_member_name (b, "test");
  if (self->n_shifts == 0)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "shifts");
  json_builder_add_int_value (b, self->n_shifts);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, self->settings.seed);
  json_builder_set_member_name (b, "k");
  json_builder_add_int_value (b, self->k);
  json_builder_set_member_name (b, "p");
  json_builder_add_double_value (b, self->p);
  add_amount (b, dataset, lead, "null_median", self->null_median);
  add_amount (b, dataset, lead, "null_p95", self->null_p95);
  json_builder_set_member_name (b, "closer_than_chance");
  json_builder_add_boolean_value (b, self->p < 0.05);
  json_builder_end_object (b);
}

static void
add_rows_and_lags (JsonBuilder *b, HlDataset *dataset, const HlProximity *self)
{
  json_builder_set_member_name (b, "table");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HlProximityRow *row = &g_array_index (self->rows, HlProximityRow, i);

      json_builder_begin_object (b);
      add_event (b, dataset, row->event);
      json_builder_set_member_name (b, "lead_events");
      json_builder_add_int_value (b, row->n_lead);
      add_amount (b, dataset, self->settings.lead, "lead_amount", row->amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "lags");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->lags->len; i++)
    {
      const HlProximityLag *lag = &g_array_index (self->lags, HlProximityLag, i);

      json_builder_begin_object (b);
      add_event (b, dataset, lag->event);
      json_builder_set_member_name (b, "lag_days");
      if (lag->lag_days < 0)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, lag->lag_days);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_summary (JsonBuilder *b, HlDataset *dataset, const HlProximity *self)
{
  guint lead = self->settings.lead;
  g_autofree char *from = hl_date_format_iso (self->settings.from);
  g_autofree char *to = hl_date_format_iso (self->settings.to - 1);

  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, to);
  json_builder_set_member_name (b, "range_days");
  json_builder_add_int_value (b, self->range_days);
  json_builder_set_member_name (b, "window_days");
  json_builder_add_int_value (b, self->settings.window_days);
  json_builder_set_member_name (b, "lead_events");
  json_builder_add_int_value (b, self->n_lead);
  json_builder_set_member_name (b, "follow_events");
  json_builder_add_int_value (b, self->n_follow);
  add_amount (b, dataset, lead, "lead_total", self->lead_total);
  add_amount (b, dataset, lead, "statistic", self->observed);
  json_builder_set_member_name (b, "within_events");
  json_builder_add_int_value (b, self->n_within);
  json_builder_set_member_name (b, "no_later_events");
  json_builder_add_int_value (b, self->n_no_later);
  add_amount (b, dataset, lead, "no_later_amount", self->no_later_amount);
  add_ids (b, dataset, "no_amount", self->no_amount);
  add_ids (b, dataset, "imprecise_dates", self->imprecise);
}

char *
hl_proximity_to_json (HlDataset *dataset, const HlProximity *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "heistline-analysis/1");
  add_lane (b, dataset, "lead", self->settings.lead);
  add_lane (b, dataset, "follow", self->settings.follow);
  add_summary (b, dataset, self);
  add_test (b, dataset, self);
  add_rows_and_lags (b, dataset, self);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* "Crypto heists (heists)" */
static char *
lane_name (HlDataset *dataset, guint lane)
{
  const HlLane *l = hl_dataset_get_lane (dataset, lane);

  return g_strdup_printf ("%s (%s)", l->title, l->id);
}

static void
append_table (GString *out, HlDataset *dataset, const HlProximity *self)
{
  g_string_append_printf (out, _("Within %u days before each following event:\n"),
                          self->settings.window_days);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HlProximityRow *row = &g_array_index (self->rows, HlProximityRow, i);
      const HlEvent *ev = hl_dataset_get_event (dataset, row->event);
      g_autofree char *amount = hl_proximity_describe_amount (dataset, self->settings.lead,
                                                              row->amount);
      g_autofree char *events = hl_describe_events (row->n_lead);
      g_autofree char *day = event_day (ev);

      g_string_append_printf (out, "  %s  %s: %s, %s\n", day, ev->title, events, amount);
    }
  g_string_append (out, _("Days from each leading event to the next following event:\n"));
  for (guint i = 0; i < self->lags->len; i++)
    {
      const HlProximityLag *lag = &g_array_index (self->lags, HlProximityLag, i);
      const HlEvent *ev = hl_dataset_get_event (dataset, lag->event);
      g_autofree char *days = lag->lag_days < 0 ? g_strdup (_("none later")) :
                              g_strdup_printf ("%d", lag->lag_days);
      g_autofree char *day = event_day (ev);

      g_string_append_printf (out, "  %s  %s: %s\n", day, ev->title, days);
    }
}

/* One line per event of @events: its day and title. */
static void
append_events (GString *out, HlDataset *dataset, GArray *events)
{
  for (guint i = 0; i < events->len; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, g_array_index (events, guint, i));
      g_autofree char *day = event_day (ev);

      g_string_append_printf (out, "  %s  %s\n", day, ev->title);
    }
}

static void
append_summary (GString *out, HlDataset *dataset, const HlProximity *self)
{
  guint lead = self->settings.lead;
  g_autofree char *observed = hl_proximity_describe_amount (dataset, lead, self->observed);
  g_autofree char *total = hl_proximity_describe_amount (dataset, lead, self->lead_total);
  g_autofree char *no_later = hl_proximity_describe_amount (dataset, lead, self->no_later_amount);
  g_autofree char *test = hl_proximity_describe_test (dataset, self);

  /* TRANSLATORS: amount within the window, of the amount in all; events of events */
  g_string_append_printf (out, _("Within the window: %s of %s (%u of %u leading events)\n"),
                          observed, total, self->n_within, self->n_lead);
  g_string_append_printf (out, _("No later following event: %u leading events, %s\n"),
                          self->n_no_later, no_later);
  if (self->no_amount->len > 0)
    {
      g_string_append_printf (out, _("Without an amount (counted as 0): %u\n"),
                              self->no_amount->len);
      append_events (out, dataset, self->no_amount);
    }
  if (self->imprecise->len > 0)
    {
      /* TRANSLATORS: a number of events whose day is not known */
      g_string_append_printf (out, _("Dated to the month or year only (counted on its "
                                     "first day): %u\n"), self->imprecise->len);
      append_events (out, dataset, self->imprecise);
    }
  if (self->n_shifts > 0)
    {
      g_autofree char *n = hl_describe_number (self->n_shifts);
      g_autofree char *k = hl_describe_number (self->k);

      /* TRANSLATORS: number of shifts, the seed, how many were at least as large */
      g_string_append_printf (out, _("Permutation test: %s shifts, seed %u, %s at least as large\n"),
                              n, self->settings.seed, k);
    }
  g_string_append_printf (out, "%s\n%s\n", test, hl_proximity_caveat ());
}

/* The analysis as a person reads it, in the user's language. */
char *
hl_proximity_to_text (HlDataset *dataset, const HlProximity *self)
{
  GString *out;
  g_autofree char *lead = NULL;
  g_autofree char *follow = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (self != NULL, NULL);

  lead = lane_name (dataset, self->settings.lead);
  follow = lane_name (dataset, self->settings.follow);
  from = hl_date_format_iso (self->settings.from);
  to = hl_date_format_iso (self->settings.to - 1);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Leading lane: %s\n"), lead);
  g_string_append_printf (out, _("Following lane: %s\n"), follow);
  g_string_append_printf (out, _("Range: %s to %s (%u days)\n"), from, to, self->range_days);
  append_table (out, dataset, self);
  append_summary (out, dataset, self);
  return g_string_free (out, FALSE);
}
