/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Laid-out text kept from one chart to the next. Most text of a frame
 * (ticks, money scale, legend, event labels, counts, the footnote) comes
 * back unchanged while the user pans or zooms, and laying it out is the
 * largest cost of a frame. Whoever draws charts one after another (the
 * timeline, the export preview, a benchmark) owns one cache and passes
 * it to hl_chart_new_cached(); nothing is shared behind its back.
 *
 * The cache holds the Pango context its layouts are made with, so a
 * layout from an earlier chart measures and draws exactly as a new one.
 * Layouts it hands out are laid out already and must not be changed.
 * It holds at most HL_TEXT_CACHE_MAX layouts (then starts afresh) and the
 * last HL_TEXT_CACHE_FOOTNOTES footnotes. Charts keep references to the layouts they use, so
 * freeing the cache or other charts never changes a chart. */

#define HL_TEXT_CACHE_MAX       4096
#define HL_TEXT_CACHE_FOOTNOTES 16

typedef struct _HlTextCache HlTextCache;

HlTextCache  *hl_text_cache_new           (void);
HlTextCache  *hl_text_cache_ref           (HlTextCache                *self);
void          hl_text_cache_unref         (HlTextCache                *self);

PangoContext *hl_text_cache_get_context   (HlTextCache                *self);
PangoLayout  *hl_text_cache_get           (HlTextCache                *self,
                                           const PangoFontDescription *font,
                                           const char                 *text,
                                           PangoAlignment              alignment);
guint         hl_text_cache_get_size      (HlTextCache                *self);

PangoLayout  *hl_text_cache_get_footnote  (HlTextCache                *self,
                                           const char                 *key);
void          hl_text_cache_set_footnote  (HlTextCache                *self,
                                           const char                 *key,
                                           PangoLayout                *layout);

gboolean      hl_text_cache_get_reserve   (HlTextCache                *self,
                                           const char                 *key,
                                           double                     *height);
void          hl_text_cache_set_reserve   (HlTextCache                *self,
                                           const char                 *key,
                                           double                      height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlTextCache, hl_text_cache_unref)

G_END_DECLS
