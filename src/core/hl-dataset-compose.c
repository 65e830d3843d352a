/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several files in one view (issue 13): their datasets composed into one
 * that everything downstream reads as it reads a file's. Lanes keep their
 * order, file after file; an id that an earlier file already has is
 * namespaced with the later file's name (data/README.md, "Several
 * datasets in one view"). */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-dataset-private.h"

typedef struct
{
  HlDataset  *self;
  GHashTable *lane_ids;    /* ids taken so far (strings in self's chunk) */
  GHashTable *event_ids;
} Compose;

/* "b" for b.json: what a namespaced id starts with. */
static char *
part_stem (HlDataset *part)
{
  g_autofree char *name = part->file ? g_file_get_basename (part->file)
                                     : g_strdup (part->display_name ? part->display_name : "");
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/* The file's name as the title and footnote show it. */
char *
hl_dataset_part_name (HlDataset *part)
{
  g_return_val_if_fail (HL_IS_DATASET (part), NULL);

  if (part->file != NULL)
    return g_file_get_basename (part->file);
  return g_strdup (part->display_name ? part->display_name : "");
}

/* @id if no earlier file took it, else "stem:id", "stem-2:id", … */
static const char *
unique_id (Compose *c, GHashTable *taken, const char *stem, const char *id)
{
  const char *result = id;

  if (g_hash_table_contains (taken, id))
    {
      g_autofree char *candidate = g_strdup_printf ("%s:%s", stem, id);

      for (guint k = 2; g_hash_table_contains (taken, candidate); k++)
        {
          g_free (candidate);
          candidate = g_strdup_printf ("%s-%u:%s", stem, k, id);
        }
      result = g_string_chunk_insert_const (c->self->strings, candidate);
    }
  g_hash_table_add (taken, (gpointer) result);
  return result;
}

/* Whether a lane of another part has the id @id. */
static gboolean
lane_id_clashes (HlDataset *const *parts, guint n, guint part, const char *id)
{
  for (guint i = 0; i < n; i++)
    if (i != part && hl_dataset_find_lane (parts[i], id) >= 0)
      return TRUE;
  return FALSE;
}

static void
add_lanes (Compose *c, HlDataset *const *parts, guint n, guint p)
{
  HlDataset *part = parts[p];
  g_autofree char *stem = part_stem (part);
  g_autofree char *name = hl_dataset_part_name (part);

  for (guint i = 0; i < part->lanes->len; i++)
    {
      HlLane lane = g_array_index (part->lanes, HlLane, i);

      if (lane_id_clashes (parts, n, p, lane.id))
        {
          /* TRANSLATORS: a lane's title when another file shown has a
           * lane of the same id: "Launches (b.json)" */
          g_autofree char *title = g_strdup_printf (_("%s (%s)"), lane.title, name);

          lane.title = g_string_chunk_insert_const (c->self->strings, title);
        }
      lane.id = unique_id (c, c->lane_ids, stem, lane.id);
      g_array_append_val (c->self->lanes, lane);
    }
}

/* Events and facts: their sources copied into the composed dataset's
 * array, as offsets until hl_dataset_finish() points them there. */
static gpointer
source_offset (HlDataset *part, const HlSource *sources, guint n_sources, guint base)
{
  const HlSource *first = (const HlSource *) (gpointer) part->sources->data;

  if (n_sources == 0 || sources == NULL)
    return NULL;
  return GSIZE_TO_POINTER ((gsize) base + (gsize) (sources - first));
}

static void
add_events (Compose *c, HlDataset *part, guint p, guint lane_base, guint source_base)
{
  g_autofree char *stem = part_stem (part);

  for (guint i = 0; i < part->events->len; i++)
    {
      HlEvent ev = g_array_index (part->events, HlEvent, i);

      ev.lane += lane_base;
      ev.part = p;
      ev.id = unique_id (c, c->event_ids, stem, ev.id);
      ev.sources = source_offset (part, ev.sources, ev.n_sources, source_base);
      g_array_append_val (c->self->events, ev);
    }
}

static gboolean
period_known (HlDataset *self, const HlPeriod *period)
{
  for (guint i = 0; i < self->periods->len; i++)
    {
      const HlPeriod *known = &g_array_index (self->periods, HlPeriod, i);

      if (known->from == period->from && known->to == period->to &&
          g_strcmp0 (known->label, period->label) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_periods_and_facts (HlDataset *self, HlDataset *part, guint source_base)
{
  for (guint i = 0; i < part->periods->len; i++)
    if (!period_known (self, &g_array_index (part->periods, HlPeriod, i)))
      g_array_append_val (self->periods, g_array_index (part->periods, HlPeriod, i));
  for (guint i = 0; i < part->facts->len; i++)
    {
      HlFact fact = g_array_index (part->facts, HlFact, i);

      fact.sources = source_offset (part, fact.sources, fact.n_sources, source_base);
      g_array_append_val (self->facts, fact);
    }
}

/* Titles that differ, in order: "Crypto heists + Missile tests". */
static void
set_names (HlDataset *self, HlDataset *const *parts, guint n)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = hl_dataset_part_name (parts[i]);

      if (!g_hash_table_contains (seen, parts[i]->title) && parts[i]->title[0] != '\0')
        {
          g_hash_table_add (seen, (gpointer) parts[i]->title);
          if (title->len > 0)
            g_string_append (title, " + ");
          g_string_append (title, parts[i]->title);
        }
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  self->title = g_string_chunk_insert_const (self->strings, title->str);
  self->display_name = g_strdup (names->str);
  for (guint i = 0; i < n && self->description[0] == '\0'; i++)
    self->description = parts[i]->description;
}

static gboolean
check_parts (HlDataset *const *parts, guint n, GError **error)
{
  guint n_lanes = 0;

  if (n > HL_DATASET_MAX_FILES)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID,
                   _("%u files: at most %u can be shown together"), n, HL_DATASET_MAX_FILES);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    n_lanes += parts[i]->lanes->len;
  if (n_lanes > HL_VIEW_MAX_LANES)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID,
                   _("The files have %u lanes in all: at most %u can be shown together"),
                   n_lanes, HL_VIEW_MAX_LANES);
      return FALSE;
    }
  return TRUE;
}

/**
 * hl_dataset_compose:
 * @parts: (array length=n): datasets as loaded, in the order shown
 * @n: how many; at least 1, at most %HL_DATASET_MAX_FILES
 * @error: where too many files or lanes are reported
 *
 * One dataset of several: lanes file after file (ids an earlier file has
 * become "stem:id", and both lanes' titles name their file), event ids
 * the same way, every period (once), fact and source kept, each event's
 * #HlEvent.part its file's index. The parts are kept alive and are
 * hl_dataset_get_part()'s answers. One part composes to itself.
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set
 */
HlDataset *
hl_dataset_compose (HlDataset *const *parts, guint n, GError **error)
{
  g_autoptr(HlDataset) self = NULL;
  Compose c;
  guint lane_base = 0;

  g_return_val_if_fail (parts != NULL && n > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (HL_IS_DATASET (parts[i]), NULL);

  if (n == 1)
    return g_object_ref (parts[0]);
  if (!check_parts (parts, n, error))
    return NULL;

  self = hl_dataset_new_empty (NULL);
  self->parts = g_ptr_array_new_with_free_func (g_object_unref);
  c.self = self;
  c.lane_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_set_object (&self->file, parts[0]->file);
  self->default_from = parts[0]->default_from;
  self->default_to = parts[0]->default_to;
  set_names (self, parts, n);
  for (guint i = 0; i < n; i++)
    {
      guint source_base = self->sources->len;

      g_ptr_array_add (self->parts, g_object_ref (parts[i]));
      g_array_append_vals (self->sources, parts[i]->sources->data, parts[i]->sources->len);
      add_lanes (&c, parts, n, i);
      add_events (&c, parts[i], i, lane_base, source_base);
      add_periods_and_facts (self, parts[i], source_base);
      lane_base += parts[i]->lanes->len;
      self->default_from = MIN (self->default_from, parts[i]->default_from);
      self->default_to = MAX (self->default_to, parts[i]->default_to);
    }
  g_hash_table_unref (c.lane_ids);
  g_hash_table_unref (c.event_ids);
  hl_dataset_finish (self);
  return g_steal_pointer (&self);
}

/* How many files @self shows: 1 for a file's own dataset. */
guint
hl_dataset_get_n_parts (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->parts ? self->parts->len : 1;
}

/* Returns: (transfer none): the file's dataset @index was composed of
 * (@self itself for a file's own dataset) */
HlDataset *
hl_dataset_get_part (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < hl_dataset_get_n_parts (self), NULL);
  return self->parts ? g_ptr_array_index (self->parts, index) : self;
}
