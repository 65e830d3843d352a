/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files a session shows together (issue 13): its own file's dataset
 * as loaded (source 0) and the files added beside it, each as loaded,
 * composed into the one dataset everything reads (hl_dataset_compose()).
 * Adding, reloading or removing one recomposes and swaps the dataset as a
 * reload does: range, filters and selection stay. */
#include "config.h"

#include "hl-session-private.h"

typedef struct
{
  GFile     *file;
  HlDataset *dataset;
} HlSessionSource;

static void
source_free (gpointer data)
{
  HlSessionSource *source = data;

  g_clear_object (&source->file);
  g_clear_object (&source->dataset);
  g_free (source);
}

void
_hl_session_sources_init (HlSession *self)
{
  self->added = g_ptr_array_new_with_free_func (source_free);
}

/* @base and the added files with @replaced in place of added file @index
 * (or appended if @index is the count), composed. */
static HlDataset *
compose_with (HlSession *self, guint index, HlDataset *replaced, GError **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  guint n = MAX (self->added->len, index + (replaced ? 1 : 0));

  g_ptr_array_add (parts, self->base);
  for (guint i = 0; i < n; i++)
    {
      if (i == index && replaced != NULL)
        g_ptr_array_add (parts, replaced);
      else if (i < self->added->len)
        g_ptr_array_add (parts, ((HlSessionSource *) g_ptr_array_index (self->added, i))->dataset);
    }
  return hl_dataset_compose ((HlDataset *const *) parts->pdata, parts->len, error);
}

/* After the base changed: the added files beside it again. If they no
 * longer fit beside it (more lanes than a view holds), only it is shown. */
void
_hl_session_recompose (HlSession *self)
{
  g_autoptr(HlDataset) composed = NULL;

  g_assert (self->base != NULL);
  if (self->added->len > 0)
    composed = compose_with (self, self->added->len, NULL, NULL);
  if (composed == NULL)
    {
      g_ptr_array_set_size (self->added, 0);
      composed = g_object_ref (self->base);
    }
  _hl_session_swap_dataset (self, composed);
}

/* How many files are shown: 1 + the added ones (0 with no dataset). */
guint
hl_session_get_n_sources (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  return self->base ? 1 + self->added->len : 0;
}

/* Returns: (nullable) (transfer none): file @index shown (0: the
 * session's own, NULL when bundled) */
GFile *
hl_session_get_source_file (HlSession *self, guint index)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < hl_session_get_n_sources (self), NULL);

  if (index == 0)
    return self->file;
  return ((HlSessionSource *) g_ptr_array_index (self->added, index - 1))->file;
}

/* The index of @file among the added files (from 1), or 0 if not added. */
guint
hl_session_find_source (HlSession *self, GFile *file)
{
  g_return_val_if_fail (HL_IS_SESSION (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  for (guint i = 0; i < self->added->len; i++)
    if (g_file_equal (((HlSessionSource *) g_ptr_array_index (self->added, i))->file, file))
      return i + 1;
  return 0;
}

/* Shows @dataset, read from @file, beside what is shown. Fails (nothing
 * changed) when no dataset is shown yet or the lanes would not fit. */
gboolean
hl_session_add_source (HlSession *self, GFile *file, HlDataset *dataset, GError **error)
{
  g_autoptr(HlDataset) composed = NULL;
  HlSessionSource *source;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (self->base != NULL, FALSE);

  composed = compose_with (self, self->added->len, dataset, error);
  if (composed == NULL)
    return FALSE;
  source = g_new0 (HlSessionSource, 1);
  source->file = g_object_ref (file);
  source->dataset = g_object_ref (dataset);
  g_ptr_array_add (self->added, source);
  _hl_session_swap_dataset (self, composed);
  return TRUE;
}

/* A new version of added file @index (from 1): a live reload of it. */
gboolean
hl_session_replace_source (HlSession *self, guint index, HlDataset *dataset, GError **error)
{
  g_autoptr(HlDataset) composed = NULL;
  HlSessionSource *source;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (index >= 1 && index <= self->added->len, FALSE);
  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);

  composed = compose_with (self, index - 1, dataset, error);
  if (composed == NULL)
    return FALSE;
  source = g_ptr_array_index (self->added, index - 1);
  g_set_object (&source->dataset, dataset);
  _hl_session_swap_dataset (self, composed);
  return TRUE;
}

/* Stops showing added file @index (from 1): its lanes go, the rest stay. */
void
hl_session_remove_source (HlSession *self, guint index)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (index >= 1 && index <= self->added->len);

  g_ptr_array_remove_index (self->added, index - 1);
  _hl_session_recompose (self);
}
