# make install / uninstall: PREFIX and DESTDIR as usual.
#   $(BINDIR)/relstage, $(MANDIR)/man1/relstage.1, $(INCLUDEDIR)/relstage.h,
#   $(LIBDIR)/librelstage.a, $(DATADIR)/rules/default.json
install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR)/rules
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/relstage
	install -m 644 doc/relstage.1 $(DESTDIR)$(MANDIR)/man1/relstage.1
	install -m 644 include/relstage.h $(DESTDIR)$(INCLUDEDIR)/relstage.h
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/librelstage.a
	install -m 644 data/rules/default.json $(DESTDIR)$(DATADIR)/rules/default.json

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/relstage $(DESTDIR)$(MANDIR)/man1/relstage.1 \
	  $(DESTDIR)$(INCLUDEDIR)/relstage.h $(DESTDIR)$(LIBDIR)/librelstage.a \
	  $(DESTDIR)$(DATADIR)/rules/default.json
	-rmdir $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR) 2>/dev/null
