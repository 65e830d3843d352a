/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Laid-out text kept between charts (see hl-text-cache.h). */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "hl-text-cache.h"

typedef struct
{
  PangoFontDescription *font;
  PangoAlignment        alignment;
  char                 *text;
  guint                 hash;
} Key;

struct _HlTextCache
{
  gatomicrefcount ref_count;
  GMutex          lock;        /* charts may be laid out in any thread */
  PangoContext   *context;
  GHashTable     *layouts;     /* Key -> PangoLayout */
  char           *footnote_keys[HL_TEXT_CACHE_FOOTNOTES];   /* the last first */
  PangoLayout    *footnotes[HL_TEXT_CACHE_FOOTNOTES];
  char           *reserve_key;  /* the footnote's room, whatever the view */
  double          reserve;
};

static guint
key_hash (gconstpointer data)
{
  return ((const Key *) data)->hash;
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *ka = a, *kb = b;

  return ka->hash == kb->hash && ka->alignment == kb->alignment &&
         strcmp (ka->text, kb->text) == 0 && pango_font_description_equal (ka->font, kb->font);
}

static void
key_free (gpointer data)
{
  Key *key = data;

  pango_font_description_free (key->font);
  g_free (key->text);
  g_free (key);
}

/* One font setup for every surface, so the window, PNG, SVG and PDF
 * measure text alike. */
static PangoContext *
make_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96);
  return context;
}

HlTextCache *
hl_text_cache_new (void)
{
  HlTextCache *self = g_new0 (HlTextCache, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->context = make_context ();
  self->layouts = g_hash_table_new_full (key_hash, key_equal, key_free, g_object_unref);
  return self;
}

HlTextCache *
hl_text_cache_ref (HlTextCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hl_text_cache_unref (HlTextCache *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->layouts);
  for (guint i = 0; i < HL_TEXT_CACHE_FOOTNOTES; i++)
    {
      g_free (self->footnote_keys[i]);
      g_clear_object (&self->footnotes[i]);
    }
  g_free (self->reserve_key);
  g_object_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The context every layout of the cache is made with; charts using the
 * cache make their own layouts with it too. */
PangoContext *
hl_text_cache_get_context (HlTextCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->context;
}

/**
 * hl_text_cache_get:
 *
 * Returns: (transfer full): @text laid out in @font, aligned, with no
 * width limit; the caller must not change it.
 */
PangoLayout *
hl_text_cache_get (HlTextCache                *self,
                   const PangoFontDescription *font,
                   const char                 *text,
                   PangoAlignment              alignment)
{
  Key lookup = { (PangoFontDescription *) font, alignment, (char *) text, 0 };
  PangoLayout *layout;
  Key *key;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (font != NULL && text != NULL, NULL);

  lookup.hash = g_str_hash (text) ^ (pango_font_description_hash (font) * 31) ^
                (guint) alignment;
  g_mutex_lock (&self->lock);
  layout = g_hash_table_lookup (self->layouts, &lookup);
  if (layout != NULL)
    g_object_ref (layout);
  g_mutex_unlock (&self->lock);
  if (layout != NULL)
    return layout;

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font);
  /* Dataset text is shown as text: never parsed as markup. */
  pango_layout_set_text (layout, text, -1);
  /* The alignment is meant as written, whatever the text's direction:
   * a right-to-left label is drawn where its box is. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, alignment);
  /* Lay it out now, so that a cached layout is only ever read. */
  pango_layout_get_extents (layout, NULL, NULL);

  key = g_new (Key, 1);
  *key = (Key) { pango_font_description_copy (font), alignment, g_strdup (text), lookup.hash };
  g_mutex_lock (&self->lock);
  if (g_hash_table_size (self->layouts) >= HL_TEXT_CACHE_MAX)
    g_hash_table_remove_all (self->layouts);
  g_hash_table_replace (self->layouts, key, g_object_ref (layout));
  g_mutex_unlock (&self->lock);
  return layout;
}

/* How many layouts the cache holds. */
guint
hl_text_cache_get_size (HlTextCache *self)
{
  guint size;

  g_return_val_if_fail (self != NULL, 0);
  g_mutex_lock (&self->lock);
  size = g_hash_table_size (self->layouts);
  g_mutex_unlock (&self->lock);
  return size;
}

/* Moves footnote @i to the front, the others down one. */
static void
footnote_to_front (HlTextCache *self, guint i)
{
  char *key = self->footnote_keys[i];
  PangoLayout *layout = self->footnotes[i];

  memmove (self->footnote_keys + 1, self->footnote_keys, i * sizeof (char *));
  memmove (self->footnotes + 1, self->footnotes, i * sizeof (PangoLayout *));
  self->footnote_keys[0] = key;
  self->footnotes[0] = layout;
}

/* One of the last HL_TEXT_CACHE_FOOTNOTES footnotes laid out, if it was
 * laid out from @key: a footnote of some eighty publishers costs a fifth
 * of a frame, and panning mostly keeps the same ones, zooming back out
 * comes back to them. Returns (transfer full) (nullable). */
PangoLayout *
hl_text_cache_get_footnote (HlTextCache *self, const char *key)
{
  PangoLayout *layout = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < HL_TEXT_CACHE_FOOTNOTES && self->footnote_keys[i] != NULL; i++)
    if (strcmp (self->footnote_keys[i], key) == 0)
      {
        footnote_to_front (self, i);
        layout = g_object_ref (self->footnotes[0]);
        break;
      }
  g_mutex_unlock (&self->lock);
  return layout;
}

void
hl_text_cache_set_footnote (HlTextCache *self, const char *key, PangoLayout *layout)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  g_mutex_lock (&self->lock);
  /* the oldest goes */
  g_free (self->footnote_keys[HL_TEXT_CACHE_FOOTNOTES - 1]);
  g_clear_object (&self->footnotes[HL_TEXT_CACHE_FOOTNOTES - 1]);
  footnote_to_front (self, HL_TEXT_CACHE_FOOTNOTES - 1);
  self->footnote_keys[0] = g_strdup (key);
  self->footnotes[0] = g_object_ref (layout);
  g_mutex_unlock (&self->lock);
}

/* The height last reserved for the footnote, if it was measured from
 * @key (the dataset's whole footnote at one size): panning keeps it. */
gboolean
hl_text_cache_get_reserve (HlTextCache *self, const char *key, double *height)
{
  gboolean found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (height != NULL, FALSE);

  g_mutex_lock (&self->lock);
  found = self->reserve_key != NULL && strcmp (self->reserve_key, key) == 0;
  if (found)
    *height = self->reserve;
  g_mutex_unlock (&self->lock);
  return found;
}

void
hl_text_cache_set_reserve (HlTextCache *self, const char *key, double height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  g_mutex_lock (&self->lock);
  g_free (self->reserve_key);
  self->reserve_key = g_strdup (key);
  self->reserve = height;
  g_mutex_unlock (&self->lock);
}
