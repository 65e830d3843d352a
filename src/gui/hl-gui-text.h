/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-describe.h"

G_BEGIN_DECLS

/* A line of the app's words and the file's, in the window's direction
 * (hl_describe_directed()). */
static inline char *
hl_gui_directed (const char *text)
{
  return hl_describe_directed (text, gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL);
}

G_END_DECLS
