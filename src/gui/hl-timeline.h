/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-chart.h"
#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_TIMELINE (hl_timeline_get_type ())
G_DECLARE_FINAL_TYPE (HlTimeline, hl_timeline, HL, TIMELINE, GtkWidget)

/* The interactive chart: shows an HlSession and edits it (keys, wheel,
 * drag, pinch, click), and redraws when the session notifies. The chart
 * is drawn once into a texture; hover and selection are drawn over it.
 * "first-frame" is emitted after the first frame that painted it. */

GtkWidget     *hl_timeline_new          (void);
HlSession     *hl_timeline_get_session  (HlTimeline     *self);
void           hl_timeline_set_session  (HlTimeline     *self,
                                         HlSession      *session);
HlChart       *hl_timeline_get_chart    (HlTimeline     *self);
GdkTexture    *hl_timeline_get_texture  (HlTimeline     *self);
gboolean       hl_timeline_refocus      (GtkWidget      *widget);

G_END_DECLS
