/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts in the words of the user's language where they group digits
 * by ten thousand (Korean 만, 억, 조): the catalogue says which. */
gboolean hl_money_uses_myriads  (void);
char    *hl_money_format_myriad (double   usd,
                                 gboolean short_form);

G_END_DECLS

/* Numbers and dates in the conventions of the language the interface is
 * shown in, as its catalogue says them (issue 15): with no catalogue for
 * the user's language the English text keeps English conventions, so the
 * words and the numbers next to them always agree, whatever LC_NUMERIC
 * and LC_TIME say. Machine-read output never comes here. */
const char *hl_locale_decimal_mark (void);
const char *hl_locale_group_mark   (void);
char       *hl_locale_format_decimal (double       value,
                                      guint        digits);
char       *hl_locale_format_date    (GDateTime   *dt,
                                      const char  *format);
