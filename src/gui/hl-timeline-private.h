/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

/* hl-timeline.c: for tests and benchmarks that drive its gestures */
GtkEventController *_hl_timeline_find_controller (GtkWidget *timeline,
                                                  GType      type);

/* hl-timeline-a11y.c */
char *_hl_timeline_describe (HlSession *session);

/* hl-timeline-actions.c */
void  _hl_timeline_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
