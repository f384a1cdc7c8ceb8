/**
 * Features that extend the shell or the reader register themselves at import time. One line per
 * feature; each feature's register.ts calls registerSlot / registerPanelTab /
 * registerDecorationSource / registerReaderOverlay / registerShortcuts.
 */
import './general-shortcuts';
import '../features/reader/register';
import '../features/glossary/register';
import '../features/measures/register';
import '../features/import/register';
import '../features/annotations/register';
import '../features/search/register';
import '../features/metadata/register';
import '../features/ledger/register';
import '../features/compare/register';
import '../features/library-care/register';
import '../features/xref/register';
import '../features/briefings/register';
import '../features/print/register';
import '../features/team/register';
