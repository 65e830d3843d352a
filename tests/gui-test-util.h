/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-application.h"
#include "hl-window.h"

G_BEGIN_DECLS

typedef gboolean (*HlTestCondition) (gpointer data);

void             hl_test_isolate_user_data (void);
HlApplication   *hl_test_application      (void);
HlWindow        *hl_test_new_window       (void);
void             hl_test_close_window     (HlWindow        *window);
gboolean         hl_test_wait_for         (HlTestCondition  condition,
                                           gpointer         data,
                                           guint            timeout_ms);
void             hl_test_wait_for_draw    (GtkWidget       *widget);
cairo_surface_t *hl_test_render_widget    (GtkWidget       *widget);
guint32          hl_test_pixel            (cairo_surface_t *surface,
                                           int              x,
                                           int              y);
GPtrArray       *hl_test_collect_labels   (GtkWidget       *root);
gboolean         hl_test_has_label        (GtkWidget       *root,
                                           const char      *substring);
GtkWidget       *hl_test_find_check       (GtkWidget       *root,
                                           const char      *label);
GtkWidget       *hl_test_find_type        (GtkWidget       *root,
                                           GType            type);
GtkWidget       *hl_test_find_button      (GtkWidget       *root,
                                           const char      *label);
GPtrArray       *hl_test_find_toasts      (GtkWidget       *root);
const char      *hl_test_toast_title      (GtkWidget       *toast);
GtkWidget       *hl_test_toast_button     (GtkWidget       *toast);

G_END_DECLS
