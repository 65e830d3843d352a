/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-dataset-private.h"

G_DEFINE_FINAL_TYPE (HlDataset, hl_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (hl-dataset-error-quark, hl_dataset_error)

static void
hl_dataset_finalize (GObject *object)
{
  HlDataset *self = (HlDataset *)object;

  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->facts, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);

  G_OBJECT_CLASS (hl_dataset_parent_class)->finalize (object);
}

static void
hl_dataset_class_init (HlDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hl_dataset_finalize;
}

static void
hl_dataset_init (HlDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->lanes = g_array_new (FALSE, TRUE, sizeof (HlLane));
  self->periods = g_array_new (FALSE, TRUE, sizeof (HlPeriod));
  self->facts = g_array_new (FALSE, TRUE, sizeof (HlFact));
  self->events = g_array_new (FALSE, TRUE, sizeof (HlEvent));
  self->sources = g_array_new (FALSE, TRUE, sizeof (HlSource));
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->title = "";
  self->description = "";
}

HlDataset *
hl_dataset_new_empty (const char *display_name)
{
  HlDataset *self = g_object_new (HL_TYPE_DATASET, NULL);

  self->display_name = g_strdup (display_name);
  return self;
}

const char *
hl_dataset_get_display_name (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->display_name;
}

/* Returns: (nullable) (transfer none): the file it was read from, if any */
GFile *
hl_dataset_get_file (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->file;
}

const char *
hl_dataset_get_title (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->title;
}

const char *
hl_dataset_get_description (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->description;
}

void
hl_dataset_get_default_range (HlDataset *self, gint64 *from, gint64 *to)
{
  g_return_if_fail (HL_IS_DATASET (self));
  if (from)
    *from = self->default_from;
  if (to)
    *to = self->default_to;
}

gboolean
hl_dataset_get_extent (HlDataset *self, gint64 *first, gint64 *last)
{
  g_return_val_if_fail (HL_IS_DATASET (self), FALSE);

  if (self->events->len == 0)
    return FALSE;
  if (first)
    *first = g_array_index (self->events, HlEvent, 0).time;
  if (last)
    *last = g_array_index (self->events, HlEvent, self->events->len - 1).time;
  return TRUE;
}

guint
hl_dataset_get_n_lanes (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->lanes->len;
}

const HlLane *
hl_dataset_get_lane (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, HlLane, index);
}

int
hl_dataset_find_lane (HlDataset *self, const char *id)
{
  g_return_val_if_fail (HL_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_str_equal (g_array_index (self->lanes, HlLane, i).id, id))
      return (int) i;
  return -1;
}

guint
hl_dataset_get_n_periods (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->periods->len;
}

const HlPeriod *
hl_dataset_get_period (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->periods->len, NULL);
  return &g_array_index (self->periods, HlPeriod, index);
}

guint
hl_dataset_get_n_facts (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->facts->len;
}

const HlFact *
hl_dataset_get_fact (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->facts->len, NULL);
  return &g_array_index (self->facts, HlFact, index);
}

guint
hl_dataset_get_n_events (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->events->len;
}

const HlEvent *
hl_dataset_get_events (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return (const HlEvent *) (gpointer) self->events->data;
}

const HlEvent *
hl_dataset_get_event (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, HlEvent, index);
}

int
hl_dataset_find_event (HlDataset *self, const char *id)
{
  g_return_val_if_fail (HL_IS_DATASET (self), -1);

  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->event_ids, id)) - 1;
}

/* The index of the first event at or after @time (n_events if none). */
guint
hl_dataset_lower_bound (HlDataset *self, gint64 time)
{
  const HlEvent *events;
  guint lo = 0, hi;

  g_return_val_if_fail (HL_IS_DATASET (self), 0);

  events = (const HlEvent *) (gpointer) self->events->data;
  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (events[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_events (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const HlEvent *ea = a, *eb = b;

  if (ea->time != eb->time)
    return ea->time < eb->time ? -1 : 1;
  return 0;
}

/* Sorts the events, points them at their sources and indexes their ids.
 * Called once by the loader when everything validated. */
void
hl_dataset_finish (HlDataset *self)
{
  HlEvent *events = (HlEvent *) (gpointer) self->events->data;
  HlSource *sources = (HlSource *) (gpointer) self->sources->data;
  HlFact *facts = (HlFact *) (gpointer) self->facts->data;

  /* Until now `sources` held an offset into the shared array, which may
   * have moved while it grew. */
  for (guint i = 0; i < self->events->len; i++)
    events[i].sources = events[i].n_sources ? sources + GPOINTER_TO_SIZE (events[i].sources) : NULL;
  for (guint i = 0; i < self->facts->len; i++)
    facts[i].sources = facts[i].n_sources ? sources + GPOINTER_TO_SIZE (facts[i].sources) : NULL;

  /* g_qsort_with_data() is stable, so events at the same time keep file order. */
  g_qsort_with_data (events, self->events->len, sizeof (HlEvent),
                     compare_events, NULL);

  g_hash_table_remove_all (self->event_ids);
  for (guint i = 0; i < self->events->len; i++)
    g_hash_table_insert (self->event_ids, (gpointer) events[i].id, GUINT_TO_POINTER (i + 1));
}

const char *
hl_confidence_to_string (HlConfidence confidence)
{
  static const char *names[] = { "", "official", "analyst", "suspected", "disputed" };

  g_return_val_if_fail (confidence < HL_N_CONFIDENCES, "");
  return names[confidence];
}

/* One line a reader can trust to tell what a confidence level means. */
const char *
hl_confidence_describe (HlConfidence confidence)
{
  switch (confidence)
    {
    case HL_CONFIDENCE_OFFICIAL:
      return _("A government named the actor or reported the event.");
    case HL_CONFIDENCE_ANALYST:
      return _("Attributed by blockchain analysts or investigators, not by a government.");
    case HL_CONFIDENCE_SUSPECTED:
      return _("Suspected only: no formal attribution has been made.");
    case HL_CONFIDENCE_DISPUTED:
      return _("Disputed: there is credible evidence against this attribution.");
    case HL_CONFIDENCE_UNSPECIFIED:
    case HL_N_CONFIDENCES:
    default:
      return _("The dataset gives no confidence level.");
    }
}

/* Only web links are ever handed to the desktop; anything else (file:,
 * javascript:, custom schemes) is shown as text. */
gboolean
hl_source_url_is_openable (const char *url)
{
  if (url == NULL)
    return FALSE;
  return (g_ascii_strncasecmp (url, "https://", 8) == 0 && url[8] != '\0') ||
         (g_ascii_strncasecmp (url, "http://", 7) == 0 && url[7] != '\0');
}
