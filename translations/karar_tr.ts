<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Canvas</name>
    <message>
        <source>No decisions yet — tick a node’s box to choose it</source>
        <extracomment>viewport fraction added on every side of the area that gets items, so small pans never need new ones</extracomment>
        <translation>Henüz karar yok — seçmek için bir düğümün kutusunu işaretleyin</translation>
    </message>
    <message>
        <source>Nothing that everyone voted for</source>
        <translation>Herkesin oy verdiği bir şey yok</translation>
    </message>
    <message>
        <source>No split votes</source>
        <translation>Oyların bölündüğü bir seçenek yok</translation>
    </message>
    <message>
        <source>No option without votes</source>
        <translation>Oy almamış seçenek yok</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <source>Show that many levels below the root</source>
        <translation>Kökün altında o kadar düzey göster</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Yeni Proje</translation>
    </message>
    <message>
        <source>Start a new project on the open map</source>
        <translation>Açık harita üzerinde yeni bir proje başlat</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <source>Open a map or a project</source>
        <translation>Bir harita ya da proje aç</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Yeniden Yük&amp;le</translation>
    </message>
    <message>
        <source>Read the map file again</source>
        <translation>Harita dosyasını yeniden oku</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Projeyi kaydet</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı Kaydet…</translation>
    </message>
    <message>
        <source>Export &amp;Decision Snapshot…</source>
        <translation>Karar Öze&amp;tini Dışa Aktar…</translation>
    </message>
    <message>
        <source>Write the decisions as Markdown</source>
        <translation>Kararları Markdown olarak yaz</translation>
    </message>
    <message>
        <source>Export Decision Re&amp;cords…</source>
        <translation>Karar Kayıtla&amp;rını Dışa Aktar…</translation>
    </message>
    <message>
        <source>Write one MADR decision record per decided question into a folder</source>
        <translation>Karara bağlanan her soru için bir klasöre birer MADR karar kaydı yaz</translation>
    </message>
    <message>
        <source>&amp;Merge Participants…</source>
        <translation>Katılımcıları &amp;Birleştir…</translation>
    </message>
    <message>
        <source>Tally several participants&apos; project files on this map: votes, voters, notes</source>
        <translation>Birkaç katılımcının proje dosyalarını bu haritada birleştirip say: oylar, oy verenler, notlar</translation>
    </message>
    <message>
        <source>Export Decision Re&amp;port…</source>
        <translation>Karar Rap&amp;orunu Dışa Aktar…</translation>
    </message>
    <message>
        <source>Write the decision document (PDF or one HTML file): questions, choices and notes</source>
        <translation>Karar belgesini yaz (PDF ya da tek bir HTML dosyası): sorular, seçimler ve notlar</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>Resim Olarak &amp;Dışa Aktar…</translation>
    </message>
    <message>
        <source>Save the map as a PNG, SVG or PDF picture</source>
        <translation>Haritayı PNG, SVG ya da PDF resmi olarak kaydet</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ya&amp;zdır…</translation>
    </message>
    <message>
        <source>Print the map</source>
        <translation>Haritayı yazdır</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <extracomment>the docks made on first use (MainWindow attributes), and where the window remembers which of them were open when it last closed the Decision dock&apos;s width at the first start: PANEL_SHARE of the window, within PANEL_WIDTHS (on a 1,024-px laptop or projector the map keeps more than two thirds) the View › Filter actions and the filter each shows the warnings the user dismissed, by map: not shown again this session</extracomment>
        <translation>&amp;Geri Al</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri Al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Yinele</translation>
    </message>
    <message>
        <source>&amp;Check / Uncheck</source>
        <translation>&amp;Seç / Seçimi Kaldır</translation>
    </message>
    <message>
        <source>Choose the selected node, or take the choice back</source>
        <translation>Seçili düğümü seç ya da seçimi geri al</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Reddet</translation>
    </message>
    <message>
        <source>Reject the selected node (crossed out, its label struck through)</source>
        <translation>Seçili düğümü reddet (çarpıyla işaretlenir, etiketinin üstü çizilir)</translation>
    </message>
    <message>
        <source>C&amp;onsidering</source>
        <translation>&amp;Değerlendiriliyor</translation>
    </message>
    <message>
        <source>Mark the selected node as an open question, under consideration</source>
        <translation>Seçili düğümü değerlendirilen açık bir soru olarak işaretle</translation>
    </message>
    <message>
        <source>Clear &amp;Decision</source>
        <translation>Kararı &amp;Temizle</translation>
    </message>
    <message>
        <source>Make the selected node undecided again</source>
        <translation>Seçili düğümün kararını kaldır</translation>
    </message>
    <message>
        <source>Node Menu</source>
        <translation>Düğüm Menüsü</translation>
    </message>
    <message>
        <source>Open the selected node&apos;s menu</source>
        <translation>Seçili düğümün menüsünü aç</translation>
    </message>
    <message>
        <source>Open the selected node&apos;s menu (state, fold, note)</source>
        <translation>Seçili düğümün menüsünü aç (durum, daraltma, not)</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>&amp;Notu Düzenle</translation>
    </message>
    <message>
        <source>Write notes for the selected node</source>
        <translation>Seçili düğüm için not yaz</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Yakınlaştır</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Yakınlaştır</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Yakınlaştır</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Uzaklaştır</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uzaklaştır</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Uzaklaştır</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Gerçek Boyut</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Pencereye Sığdır</translation>
    </message>
    <message>
        <source>Show the whole map</source>
        <translation>Haritanın tamamını göster</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>Sığdır</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>&amp;Seçime Yakınlaştır</translation>
    </message>
    <message>
        <source>Zoom to the selected branch</source>
        <translation>Seçili dala yakınlaştır</translation>
    </message>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Tümü</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Kararlar</translation>
    </message>
    <message>
        <source>Show only the decided nodes and the branches that lead to them (again: everything)</source>
        <translation>Yalnızca karar verilmiş düğümleri ve onlara giden dalları göster (bir daha: tümü)</translation>
    </message>
    <message>
        <source>Decisions Only</source>
        <translation>Yalnızca Kararlar</translation>
    </message>
    <message>
        <source>Show only the decisions, or everything again</source>
        <translation>Yalnızca kararları ya da yeniden tümünü göster</translation>
    </message>
    <message>
        <source>&amp;Open Questions</source>
        <translation>&amp;Açık Sorular</translation>
    </message>
    <message>
        <source>Show only the nodes under consideration and the branches that lead to them</source>
        <translation>Yalnızca değerlendirilen düğümleri ve onlara giden dalları göster</translation>
    </message>
    <message>
        <source>&amp;Hide Rejected</source>
        <translation>&amp;Reddedilenleri Gizle</translation>
    </message>
    <message>
        <source>Show the map without the rejected nodes and what lies below them</source>
        <translation>Haritayı reddedilen düğümler ve altlarındakiler olmadan göster</translation>
    </message>
    <message>
        <source>&amp;Agreed by All</source>
        <translation>&amp;Oy Birliği</translation>
    </message>
    <message>
        <source>Show only what every participant of the tally voted for, and the branches to it</source>
        <translation>Yalnızca sayımdaki bütün katılımcıların oy verdiklerini ve onlara giden dalları göster</translation>
    </message>
    <message>
        <source>&amp;Split Votes</source>
        <translation>&amp;Bölünen Oylar</translation>
    </message>
    <message>
        <source>Show only what some but not all participants voted for, and the branches to it</source>
        <translation>Yalnızca katılımcıların hepsinin değil bir kısmının oy verdiklerini ve onlara giden dalları göster</translation>
    </message>
    <message>
        <source>&amp;Nobody Voted</source>
        <translation>Oy &amp;Almayanlar</translation>
    </message>
    <message>
        <source>Show only the options (the leaves) nobody voted for, and the branches to them</source>
        <translation>Yalnızca kimsenin oy vermediği seçenekleri (yaprakları) ve onlara giden dalları göster</translation>
    </message>
    <message>
        <source>Hide &amp;Votes</source>
        <translation>&amp;Oyları Gizle</translation>
    </message>
    <message>
        <source>Hide the tally&apos;s votes until they are revealed (V: the selected branch, Shift+V: all)</source>
        <translation>Sayımın oylarını açıklanana dek gizle (V: seçili dal, Shift+V: tümü)</translation>
    </message>
    <message>
        <source>Reveal Votes of &amp;Branch</source>
        <translation>&amp;Dalın Oylarını Göster</translation>
    </message>
    <message>
        <source>Show the votes of the selected branch</source>
        <translation>Seçili dalın oylarını göster</translation>
    </message>
    <message>
        <source>Reveal All Vo&amp;tes</source>
        <translation>&amp;Tüm Oyları Göster</translation>
    </message>
    <message>
        <source>Show every vote</source>
        <translation>Bütün oyları göster</translation>
    </message>
    <message>
        <source>Fold &amp;All</source>
        <translation>Tümünü Dara&amp;lt</translation>
    </message>
    <message>
        <source>Fold every branch</source>
        <translation>Bütün dalları daralt</translation>
    </message>
    <message>
        <source>Fold All</source>
        <translation>Daralt</translation>
    </message>
    <message>
        <source>&amp;Unfold All</source>
        <translation>Tümünü Geni&amp;şlet</translation>
    </message>
    <message>
        <source>Unfold every branch</source>
        <translation>Bütün dalları genişlet</translation>
    </message>
    <message>
        <source>Unfold All</source>
        <translation>Genişlet</translation>
    </message>
    <message>
        <source>&amp;Mind Map</source>
        <translation>&amp;Zihin Haritası</translation>
    </message>
    <message>
        <source>&amp;Tree</source>
        <translation>&amp;Ağaç</translation>
    </message>
    <message>
        <source>&amp;Radial</source>
        <translation>&amp;Dairesel</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;Sistemi İzle</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Açık</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Koyu</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>&amp;Yüksek Karşıtlık</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Sistem Dili</translation>
    </message>
    <message>
        <source>Speak the system&apos;s language</source>
        <translation>Sistemin dilini kullan</translation>
    </message>
    <message>
        <source>Show &amp;Overview</source>
        <translation>&amp;Genel Bakışı Göster</translation>
    </message>
    <message>
        <source>&amp;Animate Changes</source>
        <translation>Değişiklikleri &amp;Canlandır</translation>
    </message>
    <message>
        <source>Animate folding</source>
        <translation>Daraltıp genişletirken canlandır</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Tam &amp;Ekran</translation>
    </message>
    <message>
        <source>Fill the screen (Esc leaves)</source>
        <translation>Ekranı kapla (Esc ile çıkılır)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Sunum</translation>
    </message>
    <message>
        <source>Present the map branch by branch, full screen (Esc leaves; ? lists the keys)</source>
        <translation>Haritayı tam ekranda dal dal sun (Esc ile çıkılır; ? tuşları listeler)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Bul…</translation>
    </message>
    <message>
        <source>Search the map</source>
        <translation>Haritada ara</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Bul</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Sonrakini Bul</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Ö&amp;ncekini Bul</translation>
    </message>
    <message>
        <source>&amp;Root</source>
        <translation>&amp;Kök</translation>
    </message>
    <message>
        <source>Go &amp;Left</source>
        <translation>So&amp;la Git</translation>
    </message>
    <message>
        <source>Go &amp;Right</source>
        <translation>Sa&amp;ğa Git</translation>
    </message>
    <message>
        <source>&amp;Previous Sibling</source>
        <translation>Önceki &amp;Kardeş</translation>
    </message>
    <message>
        <source>&amp;Next Sibling</source>
        <translation>Sonraki Ka&amp;rdeş</translation>
    </message>
    <message>
        <source>&amp;Fold / Unfold</source>
        <translation>&amp;Daralt / Genişlet</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Klavye Kısayolları</translation>
    </message>
    <message>
        <source>&amp;About Karar</source>
        <translation>Karar &amp;Hakkında</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Yinele: {step}</translation>
    </message>
    <message>
        <source>Redo {step}</source>
        <translation>Yinele: {step}</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Geri Al: {step}</translation>
    </message>
    <message>
        <source>Undo {step}</source>
        <translation>Geri Al: {step}</translation>
    </message>
</context>
<context>
    <name>DecisionLog</name>
    <message>
        <source>Decisions</source>
        <translation>Kararlar</translation>
    </message>
    <message>
        <source>Every decision</source>
        <translation>Bütün kararlar</translation>
    </message>
    <message>
        <source>Only what is {state}</source>
        <translation>Yalnızca {state} kararlar</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrele</translation>
    </message>
    <message>
        <source>Show the decisions whose label, who or note holds this</source>
        <translation>Etiketinde, kararı verenin adında ya da notunda bu geçen kararları göster</translation>
    </message>
    <message>
        <source>All {n}</source>
        <translation>Tümü {n}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kim</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Not</translation>
    </message>
    <message>
        <source>No decisions yet — check a node, or set it to rejected / considering.</source>
        <translation>Henüz karar yok — bir düğümü seçin ya da reddedildi / değerlendiriliyor olarak işaretleyin.</translation>
    </message>
    <message>
        <source>No decision matches the filter.</source>
        <translation>Filtreye uyan karar yok.</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>seçilen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>reddedilen</translation>
    </message>
    <message>
        <source>considering</source>
        <translation>değerlendirilen</translation>
    </message>
    <message>
        <source>Sort by {column} (within each branch)</source>
        <translation>“{column}” sütununa göre sırala (her dalın içinde)</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>karar verilmedi</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Insert &amp;Tab</source>
        <translation>&amp;Sekme Ekle</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Karar</translation>
    </message>
    <message>
        <source>Select a node to record a decision</source>
        <translation>Karar kaydetmek için bir düğüm seçin</translation>
    </message>
    <message>
        <source>We chose this</source>
        <translation>Bunu seçtik</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Düzenle</translation>
    </message>
    <message>
        <source>Show only the Markdown editor</source>
        <translation>Yalnızca Markdown düzenleyicisini göster</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Önizleme</translation>
    </message>
    <message>
        <source>Show only the rendered notes</source>
        <translation>Yalnızca biçimlendirilmiş notları göster</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>İkisi de</translation>
    </message>
    <message>
        <source>Show the editor above the rendered notes</source>
        <translation>Düzenleyiciyi biçimlendirilmiş notların üstünde göster</translation>
    </message>
    <message>
        <source>Notes in Markdown…

{back}: back to the map · {tab}: type a tab</source>
        <translation>Markdown ile notlar…

{back}: haritaya dön · {tab}: sekme karakteri yaz</translation>
    </message>
    <message>
        <source>{next} / {previous}: next / previous field
{tab}: type a tab (also in the right-click menu)
{back}: back to the map</source>
        <translation>{next} / {previous}: sonraki / önceki alan
{tab}: sekme karakteri yaz (sağ tık menüsünde de var)
{back}: haritaya dön</translation>
    </message>
    <message>
        <source>The node&apos;s notes, in Markdown.</source>
        <translation>Düğümün notları, Markdown ile.</translation>
    </message>
    <message>
        <source>Nothing written yet.</source>
        <translation>Henüz bir şey yazılmadı.</translation>
    </message>
    <message>
        <source>Select “{label}”</source>
        <translation>“{label}” düğümünü seç</translation>
    </message>
    <message>
        <source>{checked} of {total} below chosen</source>
        <translation>Altındakilerden {checked}/{total} seçildi</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} açık</translation>
    </message>
    <message>
        <source>Chosen and considered nodes in this branch</source>
        <translation>Bu daldaki seçilen ve değerlendirilen düğümler</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>the map</source>
        <translation>Harita</translation>
    </message>
    <message>
        <source>Line {line}: </source>
        <translation>Satır {line}: </translation>
    </message>
    <message>
        <source>Karar could not open {name}.</source>
        <translation>{name} açılamadı.</translation>
    </message>
    <message>
        <source>Karar could not open the file.</source>
        <translation>Dosya açılamadı.</translation>
    </message>
    <message>
        <source>About Karar</source>
        <translation>Karar Hakkında</translation>
    </message>
    <message>
        <source>A desktop explorer for decision trees written as Mermaid mind maps.</source>
        <translation>Mermaid zihin haritası olarak yazılmış karar ağaçları için bir masaüstü gezgini.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Klavye Kısayolları</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG picture</source>
        <translation>PNG resmi</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG çizimi</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF belgesi</translation>
    </message>
    <message>
        <source>The whole map, unfolded</source>
        <translation>Haritanın tamamı, genişletilmiş</translation>
    </message>
    <message>
        <source>The map as it is shown now</source>
        <translation>Harita, şu an göründüğü gibi</translation>
    </message>
    <message>
        <source>The decisions and the branches leading to them</source>
        <translation>Kararlar ve onlara giden dallar</translation>
    </message>
    <message>
        <source>One first-level branch</source>
        <translation>Birinci düzeyden tek bir dal</translation>
    </message>
    <message>
        <source>The map on one page</source>
        <translation>Harita tek sayfada</translation>
    </message>
    <message>
        <source>A poster of pages, labels at least 8 pt</source>
        <translation>Sayfalardan bir afiş, etiketler en az 8 pt</translation>
    </message>
    <message>
        <source>An overview, then a page per branch</source>
        <translation>Önce genel bakış, sonra her dala bir sayfa</translation>
    </message>
    <message>
        <source>By the picture&apos;s shape</source>
        <translation>Resmin biçimine göre</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dikey</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Yatay</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Açık</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Koyu</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Yüksek karşıtlık</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Resim Olarak Dışa Aktar</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <source>96 dpi draws the map at its size on the screen</source>
        <translation>96 dpi haritayı ekrandaki boyutunda çizer</translation>
    </message>
    <message>
        <source>The theme&apos;s</source>
        <translation>Temanınki</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>Saydam</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Dosya:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Biçim:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Kapsam:</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>Da&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>Çö&amp;zünürlük:</translation>
    </message>
    <message>
        <source>&amp;Pages:</source>
        <translation>&amp;Sayfalar:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>Kâ&amp;ğıt:</translation>
    </message>
    <message>
        <source>Orie&amp;ntation:</source>
        <translation>&amp;Yön:</translation>
    </message>
    <message>
        <source>Bac&amp;kground:</source>
        <translation>&amp;Arka plan:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>Dışa Akta&amp;r</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message numerus="yes">
        <source>Show &amp;%n Levels</source>
        <extracomment>View › Show Levels, one item for each of 1 to 9; &amp; marks the number as its key</extracomment>
        <translation>
            <numerusform>&amp;%n Düzey Göster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n levels below the root</source>
        <extracomment>the status tip of View › Show Levels › n</extracomment>
        <translation>
            <numerusform>Kökün altında %n düzey göster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Level %n</source>
        <extracomment>a tool button: show the first n levels of the map</extracomment>
        <translation>
            <numerusform>Düzey %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Maps and projects (*.md *.markdown *.mmd *.mermaid *.karar.yaml);;Mind maps (*.md *.markdown *.mmd *.mermaid);;Karar projects (*.karar.yaml);;All files (*)</source>
        <translation>Haritalar ve projeler (*.md *.markdown *.mmd *.mermaid *.karar.yaml);;Zihin haritaları (*.md *.markdown *.mmd *.mermaid);;Karar projeleri (*.karar.yaml);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Open Map or Project</source>
        <translation>Harita ya da Proje Aç</translation>
    </message>
    <message>
        <source>The map changed on disk and was reloaded — {n} entry orphaned</source>
        <translation>Harita diskte değişti ve yeniden yüklendi — {n} kayıt sahipsiz kaldı</translation>
    </message>
    <message>
        <source>The map changed on disk and was reloaded — {n} entries orphaned</source>
        <translation>Harita diskte değişti ve yeniden yüklendi — {n} kayıt sahipsiz kaldı</translation>
    </message>
    <message>
        <source>The map changed on disk and was reloaded</source>
        <translation>Harita diskte değişti ve yeniden yüklendi</translation>
    </message>
    <message>
        <source>{name} was deleted or moved. The last version read stays on screen; it is read again as soon as the file is back.</source>
        <translation>{name} silindi ya da taşındı. En son okunan sürüm ekranda kalıyor; dosya geri gelir gelmez yeniden okunacak.</translation>
    </message>
    <message>
        <source>The map file is missing.</source>
        <translation>Harita dosyası bulunamıyor.</translation>
    </message>
    <message>
        <source>Built-in map</source>
        <translation>Yerleşik harita</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [salt okunur]</translation>
    </message>
</context>
<context>
    <name>MapDocument</name>
    <message numerus="yes">
        <source>Show %n Level(s)</source>
        <translation>
            <numerusform>%n düzey gösterme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>G&amp;it</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>Show &amp;Levels</source>
        <translation>Düzeyleri Gö&amp;ster</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Yerleşim</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>F&amp;ilter</source>
        <translation>F&amp;iltre</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>D&amp;il</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>Fare</translation>
    </message>
    <message>
        <source>Main Tool Bar</source>
        <translation>Ana Araç Çubuğu</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Karar projects (*.karar.yaml);;All files (*)</source>
        <translation>Karar projeleri (*.karar.yaml);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kim</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Seçilen</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Harita</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Sorun</translation>
    </message>
    <message>
        <source>Merge Participants</source>
        <translation>Katılımcıları Birleştir</translation>
    </message>
    <message>
        <source>Each participant&apos;s project file on one map becomes one voice in the tally: how many chose each node, who, and their notes. The tally decides nothing by itself. Tallies of other rooms can be added: their votes add up.</source>
        <translation>Aynı haritadaki her katılımcının proje dosyası sayımda bir ses olur: her düğümü kaç kişinin seçtiği, kimlerin seçtiği ve notları. Sayım kendi başına hiçbir karar vermez. Başka odaların sayımları da eklenebilir: oyları toplanır.</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>Dosya &amp;Ekle…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Kaldır</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Seç…</translation>
    </message>
    <message>
        <source>Mark &amp;chosen what more than half of the participants chose</source>
        <translation>Katılımcıların yarısından fazlasının seçtiğini seçil&amp;di olarak işaretle</translation>
    </message>
    <message>
        <source>&amp;Merge and Open</source>
        <translation>&amp;Birleştir ve Aç</translation>
    </message>
    <message>
        <source>&amp;Tally:</source>
        <translation>Sa&amp;yım:</translation>
    </message>
    <message>
        <source>Choose where the tally goes.</source>
        <translation>Sayımın nereye yazılacağını seçin.</translation>
    </message>
    <message>
        <source>tally: {names}</source>
        <translation>sayım: {names}</translation>
    </message>
    <message numerus="yes">
        <source>{participants} in %n file(s): ready to merge.</source>
        <extracomment>the merge dialog&apos;s summary; {participants} is &quot;%n participant(s)&quot;</extracomment>
        <translation>
            <numerusform>%n dosyada {participants}: birleştirmeye hazır.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <extracomment>how many participants the chosen files hold</extracomment>
        <translation>
            <numerusform>%n katılımcı</numerusform>
        </translation>
    </message>
    <message>
        <source>merging needs at least two files</source>
        <translation>birleştirmek için en az iki dosya gerekir</translation>
    </message>
    <message>
        <source>the output is the input {name}: write the tally to a new file</source>
        <translation>çıktı, girdilerden biri ({name}): sayımı yeni bir dosyaya yazın</translation>
    </message>
    <message>
        <source>names the map &apos;{map}&apos;, not &apos;{expected}&apos; like {first}: only projects on one map can be merged</source>
        <translation>{first} gibi “{expected}” haritasını değil, “{map}” haritasını gösteriyor: yalnızca aynı haritadaki projeler birleştirilebilir</translation>
    </message>
    <message>
        <source>the participant &apos;{person}&apos; is already in {other}: each person&apos;s choices can be counted once</source>
        <translation>“{person}” katılımcısı zaten {other} dosyasında: herkesin seçimleri yalnızca bir kez sayılabilir</translation>
    </message>
    <message>
        <source>Choose Participants&apos; Files</source>
        <translation>Katılımcıların Dosyalarını Seçin</translation>
    </message>
    <message>
        <source>Write the Tally</source>
        <translation>Sayımı Yaz</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>file</source>
        <extracomment>what a file is read as: &quot;is a folder, not a {what}&quot;</extracomment>
        <translation>dosya</translation>
    </message>
    <message>
        <source>map file</source>
        <extracomment>what a file is read as: &quot;is a folder, not a {what}&quot;</extracomment>
        <translation>harita dosyası</translation>
    </message>
    <message>
        <source>project file</source>
        <extracomment>what a file is read as: &quot;is a folder, not a {what}&quot;</extracomment>
        <translation>proje dosyası</translation>
    </message>
    <message>
        <source>is a folder, not a {what}</source>
        <extracomment>{what} is &quot;map file&quot;, &quot;project file&quot; or &quot;file&quot;</extracomment>
        <translation>bir klasör, {what} değil</translation>
    </message>
    <message>
        <source>is {kind}, not a {what}</source>
        <extracomment>{kind} is &quot;a named pipe (FIFO)&quot;, &quot;a socket&quot;...; {what} is &quot;map file&quot;...</extracomment>
        <translation>{kind}, {what} değil</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>adlandırılmış bir kanal (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>bir karakter aygıtı</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>bir blok aygıtı</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>bir soket</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>özel bir dosya</translation>
    </message>
    <message>
        <source>file is too large ({how}; Karar reads {what}s up to {limit} MiB)</source>
        <extracomment>{how} is &quot;40.3 MiB&quot; or &quot;over 32 MiB&quot;; {what} is &quot;map file&quot;...; {limit} in MiB</extracomment>
        <translation>dosya çok büyük ({how}; Karar en çok {limit} MiB&apos;lık bir {what} okuyabilir)</translation>
    </message>
    <message>
        <source>{size} MiB</source>
        <extracomment>a file&apos;s size</extracomment>
        <translation>{size} MiB</translation>
    </message>
    <message>
        <source>over {size} MiB</source>
        <extracomment>a file that grew past the limit while it was read</extracomment>
        <translation>{size} MiB&apos;tan büyük</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <extracomment>{reason} is the system&apos;s</extracomment>
        <translation>dosya okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>the file name holds a NUL byte</source>
        <translation>dosya adında bir NUL baytı var</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>böyle bir dosya yok</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>erişim izni yok</translation>
    </message>
    <message>
        <source>this is {encoding} text, not UTF-8: save the file as UTF-8</source>
        <extracomment>{encoding} is UTF-16 or UTF-32</extracomment>
        <translation>bu metin UTF-8 değil, {encoding}: dosyayı UTF-8 olarak kaydedin</translation>
    </message>
    <message>
        <source>not valid UTF-8 text (byte {byte}); save the file as UTF-8</source>
        <extracomment>{byte} is the first byte that is not UTF-8, as 0xff</extracomment>
        <translation>geçerli bir UTF-8 metni değil ({byte} baytı); dosyayı UTF-8 olarak kaydedin</translation>
    </message>
    <message>
        <source>no such built-in map (known: {known})</source>
        <translation>böyle bir yerleşik harita yok (bilinenler: {known})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>dosya boş</translation>
    </message>
    <message>
        <source>this is a binary file, not a text map (NUL byte)</source>
        <translation>bu bir ikili dosya, metin olarak yazılmış bir harita değil (NUL baytı içeriyor)</translation>
    </message>
    <message>
        <source>none of the {blocks} ```mermaid blocks holds a mindmap</source>
        <extracomment>{blocks}: how many ```mermaid blocks the Markdown file has (two or more)</extracomment>
        <translation>{blocks} ```mermaid bloğunun hiçbirinde zihin haritası yok</translation>
    </message>
    <message>
        <source>no ```mermaid block holding a mindmap was found</source>
        <translation>zihin haritası içeren bir ```mermaid bloğu bulunamadı</translation>
    </message>
    <message>
        <source>another mindmap in this file is ignored: Karar shows the first one</source>
        <translation>bu dosyadaki başka bir zihin haritası yok sayıldı: Karar yalnızca ilkini gösterir</translation>
    </message>
    <message>
        <source>Mermaid only knows the keyword in lower case: write &apos;mindmap&apos;</source>
        <translation>Mermaid bu anahtar sözcüğü yalnızca küçük harflerle tanır: &apos;mindmap&apos; yazın</translation>
    </message>
    <message>
        <source>{mermaid}; {karar}. Mermaid-safe: {safe}</source>
        <extracomment>a line Karar and Mermaid read differently: {mermaid} is how Mermaid reads it (&quot;Mermaid rejects it: …&quot;, said of the line), {karar} how Karar does, {safe} the line written so that both read it as Karar does</extracomment>
        <translation>{mermaid}; {karar}. Mermaid uyumlu yazımı: {safe}</translation>
    </message>
    <message>
        <source>{mermaid}: close the shape on this line, or write the line as a plain label: {safe}</source>
        <extracomment>--strict: {mermaid} says which lines Mermaid reads as one node; {safe} the line as a plain label</extracomment>
        <translation>{mermaid}: şekli bu satırda kapatın ya da satırı düz bir etiket olarak yazın: {safe}</translation>
    </message>
    <message>
        <source>Mermaid reads this line as a {shape} node labelled &apos;{label}&apos;: the text before the shape, &apos;{id}&apos;, holds markup but is only the node&apos;s id and is not shown. Mermaid-safe: {safe}</source>
        <extracomment>{shape} is a shape&apos;s name (&quot;square&quot;); {id} is the text before the shape&apos;s opener</extracomment>
        <translation>Mermaid bu satırı “{label}” etiketli, {shape} şeklinde bir düğüm olarak okuyor: şekilden önceki “{id}” metni biçimlendirme içeriyor, ama yalnızca düğümün kimliği olduğu için gösterilmiyor. Mermaid uyumlu yazımı: {safe}</translation>
    </message>
    <message>
        <source>Karar reads the whole line as one label</source>
        <translation>Karar bütün satırı tek bir etiket olarak okuyor</translation>
    </message>
    <message>
        <source>Karar ignores this line</source>
        <translation>Karar bu satırı yok sayıyor</translation>
    </message>
    <message>
        <source>Mermaid rejects it: {why}</source>
        <extracomment>&quot;it&quot; is a line of the map (&quot;Mermaid rejects this line&quot;); {why} the reason Mermaid gives</extracomment>
        <translation>Mermaid bu satırı kabul etmiyor: {why}</translation>
    </message>
    <message>
        <source>Mermaid reads it as a {shape} node labelled &apos;{label}&apos;</source>
        <extracomment>&quot;it&quot; is a line of the map (&quot;Mermaid reads this line as…&quot;)</extracomment>
        <translation>Mermaid bu satırı “{label}” etiketli, {shape} şeklinde bir düğüm olarak okuyor</translation>
    </message>
    <message>
        <source>Mermaid reads lines {first}-{last} as one {shape} node labelled &apos;{label}&apos; (a shape opened on this line closes on line {last})</source>
        <translation>Mermaid {first}-{last}. satırları “{label}” etiketli, {shape} şeklinde tek bir düğüm olarak okuyor (bu satırda açılan şekil {last}. satırda kapanıyor)</translation>
    </message>
    <message>
        <source>Mermaid reads lines {first}-{last} as the name of an icon (its &apos;)&apos; is missing on this line)</source>
        <translation>Mermaid {first}-{last}. satırları bir simgenin adı olarak okuyor (simgeyi kapatan &apos;)&apos; bu satırda yok)</translation>
    </message>
    <message>
        <source>{where}, where {what}</source>
        <extracomment>{where} is &quot;a shape opened on this line is not closed on it, so Mermaid reads on to line N&quot;; {what} what it meets there</extracomment>
        <translation>{where}; orada {what}</translation>
    </message>
    <message>
        <source>a shape opened on this line is not closed on it, so Mermaid reads on to line {last}</source>
        <translation>bu satırda açılan bir şekil aynı satırda kapanmıyor, bu yüzden Mermaid {last}. satıra kadar okumayı sürdürüyor</translation>
    </message>
    <message>
        <source>text follows the node</source>
        <translation>düğümden sonra metin geliyor</translation>
    </message>
    <message>
        <source>Mermaid cannot read &apos;{char}&apos; here</source>
        <extracomment>{char} is the character, as written in the file</extracomment>
        <translation>Mermaid buradaki “{char}” karakterini okuyamıyor</translation>
    </message>
    <message>
        <source>the shape opened with &apos;{opener}&apos; is never closed</source>
        <extracomment>{opener} is the shape&apos;s opening bracket, e.g. ((</extracomment>
        <translation>“{opener}” ile açılan şekil hiç kapanmıyor</translation>
    </message>
    <message>
        <source>the shape opened with &apos;{opener}&apos; has no text</source>
        <translation>“{opener}” ile açılan şeklin metni yok</translation>
    </message>
    <message>
        <source>unexpected {token} inside the shape</source>
        <extracomment>{token} is one of the &quot;token-&quot; texts: &quot;a blank line&quot;, &quot;an icon&quot;...</extracomment>
        <translation>şeklin içinde beklenmeyen öge: {token}</translation>
    </message>
    <message>
        <source>the keyword &apos;mindmap&apos;</source>
        <translation>&apos;mindmap&apos; anahtar sözcüğü</translation>
    </message>
    <message>
        <source>a blank line</source>
        <translation>boş bir satır</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>bir satır sonu</translation>
    </message>
    <message>
        <source>more text after a space</source>
        <translation>boşluktan sonra gelen başka bir metin</translation>
    </message>
    <message>
        <source>text</source>
        <translation>metin</translation>
    </message>
    <message>
        <source>a shape opener</source>
        <translation>şekli açan bir ayraç</translation>
    </message>
    <message>
        <source>a shape closer</source>
        <translation>şekli kapatan bir ayraç</translation>
    </message>
    <message>
        <source>an icon</source>
        <translation>bir simge</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>bir sınıf</translation>
    </message>
    <message>
        <source>the end of the map</source>
        <translation>haritanın sonu</translation>
    </message>
    <message>
        <source>{message} ({where})</source>
        <extracomment>{message} is the error; {where} says how far Mermaid reads on</extracomment>
        <translation>{message} ({where})</translation>
    </message>
    <message>
        <source>unexpected text after the node: &apos;{text}&apos;</source>
        <translation>düğümden sonra beklenmeyen metin: “{text}”</translation>
    </message>
    <message>
        <source>unexpected &apos;{text}&apos; where a node belongs</source>
        <translation>düğüm gelmesi gereken yerde beklenmeyen “{text}”</translation>
    </message>
    <message>
        <source>there can be only one root: no parent for &quot;{label}&quot; (indent it deeper than the root)</source>
        <translation>yalnızca bir kök olabilir: “{label}” için üst düğüm yok (kökten daha içeride girintileyin)</translation>
    </message>
    <message>
        <source>{what} must follow the node it decorates</source>
        <extracomment>{what} is ::icon(...) or :::class</extracomment>
        <translation>{what}, süslediği düğümden sonra gelmeli</translation>
    </message>
    <message>
        <source>expected the keyword &apos;mindmap&apos;, found &apos;{found}&apos;</source>
        <translation>&apos;mindmap&apos; anahtar sözcüğü bekleniyordu, “{found}” bulundu</translation>
    </message>
    <message>
        <source>a blank line directly after &apos;mindmap&apos; is not allowed</source>
        <translation>&apos;mindmap&apos; sözcüğünün hemen ardından boş satır gelemez</translation>
    </message>
    <message>
        <source>no &apos;mindmap&apos; keyword: this is not a Mermaid mindmap (found &apos;{found}&apos;)</source>
        <translation>&apos;mindmap&apos; anahtar sözcüğü yok: bu bir Mermaid zihin haritası değil (bulunan: “{found}”)</translation>
    </message>
    <message>
        <source>the map is empty: no &apos;mindmap&apos; keyword</source>
        <translation>harita boş: &apos;mindmap&apos; anahtar sözcüğü yok</translation>
    </message>
    <message>
        <source>the front matter: {message}</source>
        <extracomment>the YAML block at the top of a map (Mermaid&apos;s &quot;front matter&quot;)</extracomment>
        <translation>baştaki YAML bloğu (front matter): {message}</translation>
    </message>
    <message>
        <source>the front matter&apos;s &apos;title:&apos; must be text</source>
        <translation>baştaki YAML bloğundaki &apos;title:&apos; metin olmalı</translation>
    </message>
    <message>
        <source>not valid YAML: the control character {character} is not allowed</source>
        <extracomment>{character} is its code, U+0007</extracomment>
        <translation>geçerli YAML değil: {character} denetim karakteri kullanılamaz</translation>
    </message>
    <message>
        <source>not valid YAML: {problem}</source>
        <extracomment>{problem} is the YAML reader&apos;s own words: one of the &quot;yaml-&quot; texts below, or in English where it is not one of them</extracomment>
        <translation>geçerli YAML değil: {problem}</translation>
    </message>
    <message>
        <source>did not find expected node content</source>
        <translation>beklenen değer bulunamadı</translation>
    </message>
    <message>
        <source>did not find expected key</source>
        <translation>beklenen anahtar bulunamadı</translation>
    </message>
    <message>
        <source>could not find expected &apos;:&apos;</source>
        <translation>beklenen &apos;:&apos; bulunamadı</translation>
    </message>
    <message>
        <source>did not find expected &apos;-&apos; indicator</source>
        <translation>beklenen &apos;-&apos; işareti bulunamadı</translation>
    </message>
    <message>
        <source>did not find expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>beklenen &apos;,&apos; ya da &apos;]&apos; bulunamadı</translation>
    </message>
    <message>
        <source>did not find expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>beklenen &apos;,&apos; ya da &apos;}&apos; bulunamadı</translation>
    </message>
    <message>
        <source>mapping values are not allowed in this context</source>
        <translation>burada &apos;anahtar: değer&apos; yazılamaz</translation>
    </message>
    <message>
        <source>found unexpected end of stream</source>
        <extracomment>a quoted text or a bracket not closed before the end of the file</extracomment>
        <translation>dosya beklenmedik bir yerde bitiyor</translation>
    </message>
    <message>
        <source>found a tab character that violates indentation</source>
        <translation>girintiyi bozan bir sekme karakteri var</translation>
    </message>
    <message>
        <source>found character that cannot start any token</source>
        <translation>hiçbir YAML ögesinin başlayamayacağı bir karakter var</translation>
    </message>
    <message>
        <source>did not find expected alphabetic or numeric character</source>
        <extracomment>after &amp; or *: an anchor&apos;s or an alias&apos;s name</extracomment>
        <translation>beklenen harf ya da rakam bulunamadı</translation>
    </message>
    <message>
        <source>not valid YAML: an escape names no Unicode character</source>
        <translation>geçerli YAML değil: bir kaçış dizisi hiçbir Unicode karakterine karşılık gelmiyor</translation>
    </message>
    <message>
        <source>a second YAML document starts here: the file may hold only one</source>
        <translation>burada ikinci bir YAML belgesi başlıyor: dosyada yalnızca bir belge olabilir</translation>
    </message>
    <message>
        <source>the anchor &amp;{anchor} is set twice (lines {first} and {line})</source>
        <translation>&amp;{anchor} çapası iki kez tanımlanmış ({first}. ve {line}. satırlarda)</translation>
    </message>
    <message>
        <source>nested more than {depth} lists or mappings deep</source>
        <translation>listeler ya da eşlemeler {depth} düzeyden daha derine iç içe geçmiş</translation>
    </message>
    <message>
        <source>the alias *{alias} names no anchor before it</source>
        <translation>*{alias} takma adı, kendinden önce tanımlanmış bir çapaya karşılık gelmiyor</translation>
    </message>
    <message>
        <source>the alias *{alias} stands inside the value it names: it never ends</source>
        <translation>*{alias} takma adı, karşılık geldiği değerin içinde duruyor: hiç bitmez</translation>
    </message>
    <message>
        <source>the alias *{alias} nests more than {depth} lists or mappings deep</source>
        <translation>*{alias} takma adı, listeleri ya da eşlemeleri {depth} düzeyden daha derine iç içe geçiriyor</translation>
    </message>
    <message>
        <source>aliases repeat more than {limit} values by the alias *{alias}: refused (an alias bomb?)</source>
        <translation>takma adlar, *{alias} takma adıyla {limit} değerden fazlasını yineliyor: reddedildi (bir takma ad bombası mı?)</translation>
    </message>
    <message>
        <source>the YAML tag {tag} on {kind} is not one Karar reads (only YAML&apos;s standard types)</source>
        <extracomment>{kind} is &quot;a single value&quot;, &quot;a list&quot; or &quot;a mapping&quot;</extracomment>
        <translation>{kind} üzerindeki {tag} YAML etiketini Karar okumaz (yalnızca YAML&apos;ın standart türlerini okur)</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>tek bir değer</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>bir liste</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>bir eşleme</translation>
    </message>
    <message>
        <source>a number of {chars} characters: more than {limit} is refused</source>
        <translation>{chars} karakterlik bir sayı: {limit} karakterden uzun sayılar reddedilir</translation>
    </message>
    <message>
        <source>{value} is not {what}</source>
        <extracomment>{value} is the text as written; {what} is &quot;a whole number&quot;, &quot;a valid date or time&quot;...</extracomment>
        <translation>{value}, {what} değil</translation>
    </message>
    <message>
        <source>{value} is not {what} ({detail})</source>
        <extracomment>{detail} says why, e.g. &quot;month must be in 1..12&quot;</extracomment>
        <translation>{value}, {what} değil ({detail})</translation>
    </message>
    <message>
        <source>null</source>
        <translation>boş değer (null)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ya da false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>bir tam sayı</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>bir sayı</translation>
    </message>
    <message>
        <source>base64 data</source>
        <translation>base64 verisi</translation>
    </message>
    <message>
        <source>a valid date or time</source>
        <translation>geçerli bir tarih ya da saat</translation>
    </message>
    <message>
        <source>the time zone is 24 hours or more away</source>
        <translation>saat dilimi farkı 24 saat ya da daha fazla</translation>
    </message>
    <message>
        <source>each item of {kind} must be one &apos;key: value&apos;</source>
        <extracomment>{kind} is !!omap or !!pairs</extracomment>
        <translation>{kind} içindeki her öge tek bir &apos;anahtar: değer&apos; çifti olmalı</translation>
    </message>
    <message>
        <source>a mapping key must be a single value, not a list or a mapping</source>
        <translation>bir eşlemenin anahtarı liste ya da eşleme değil, tek bir değer olmalı</translation>
    </message>
    <message>
        <source>the key {key} is given twice (lines {first} and {line})</source>
        <translation>{key} anahtarı iki kez verilmiş ({first}. ve {line}. satırlarda)</translation>
    </message>
    <message>
        <source>(a list or mapping)</source>
        <extracomment>a key that is itself a list or a mapping, where a message names the key</extracomment>
        <translation>(bir liste ya da eşleme)</translation>
    </message>
    <message>
        <source>a member of a !!set has no value; {key} has one</source>
        <translation>bir !!set ögesinin değeri olmaz; {key} ögesinin bir değeri var</translation>
    </message>
    <message>
        <source>a merge key &apos;&lt;&lt;&apos; takes a mapping or a list of mappings</source>
        <translation>&apos;&lt;&lt;&apos; birleştirme anahtarı bir eşleme ya da eşlemelerden oluşan bir liste alır</translation>
    </message>
    <message>
        <source>month must be in 1..12</source>
        <translation>ay 1 ile 12 arasında olmalı</translation>
    </message>
    <message>
        <source>day is out of range for month</source>
        <translation>gün, o ayın gün sayısını aşıyor</translation>
    </message>
    <message>
        <source>hour must be in 0..23</source>
        <translation>saat 0 ile 23 arasında olmalı</translation>
    </message>
    <message>
        <source>minute must be in 0..59</source>
        <translation>dakika 0 ile 59 arasında olmalı</translation>
    </message>
    <message>
        <source>second must be in 0..59</source>
        <translation>saniye 0 ile 59 arasında olmalı</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>{year} yılı geçerli aralığın dışında</translation>
    </message>
    <message>
        <source>not a Karar project: the file has no &apos;karar:&apos; version key</source>
        <translation>bir Karar projesi değil: dosyada &apos;karar:&apos; sürüm anahtarı yok</translation>
    </message>
    <message>
        <source>&apos;karar:&apos; must be a format version number, not {value}</source>
        <translation>&apos;karar:&apos; bir biçim sürümü numarası olmalı, {value} değil</translation>
    </message>
    <message>
        <source>written by a newer Karar (format {version}; this version reads up to {known}): update Karar to open it</source>
        <extracomment>{version}: the file&apos;s format; {known}: the newest this Karar reads</extracomment>
        <translation>daha yeni bir Karar sürümüyle yazılmış (biçim {version}; bu sürüm en çok {known} biçimini okuyabilir): açmak için Karar&apos;ı güncelleyin</translation>
    </message>
    <message>
        <source>&apos;map:&apos; must name the map file (a path, or builtin:django)</source>
        <translation>&apos;map:&apos; harita dosyasını belirtmeli (bir dosya yolu ya da builtin:django)</translation>
    </message>
    <message>
        <source>&apos;map:&apos; must be a file name, not text with control characters: {map}</source>
        <translation>&apos;map:&apos; denetim karakterleri içeren bir metin değil, bir dosya adı olmalı: {map}</translation>
    </message>
    <message>
        <source>&apos;map:&apos; must be a local file, not {map}: Karar works offline</source>
        <translation>&apos;map:&apos; {map} değil, yerel bir dosya olmalı: Karar çevrimdışı çalışır</translation>
    </message>
    <message>
        <source>&apos;participant:&apos; must be a name</source>
        <translation>&apos;participant:&apos; bir ad olmalı</translation>
    </message>
    <message>
        <source>&apos;participants:&apos; must be a list of names</source>
        <translation>&apos;participants:&apos; bir ad listesi olmalı</translation>
    </message>
    <message>
        <source>&apos;nodes:&apos; must be a list of entries</source>
        <translation>&apos;nodes:&apos; bir kayıt listesi olmalı</translation>
    </message>
    <message>
        <source>a second entry for the node {node} (the first is on line {first})</source>
        <extracomment>{node} is the node&apos;s path, labels joined by &quot; / &quot;; {first} a line</extracomment>
        <translation>{node} düğümü için ikinci bir kayıt (ilki {first}. satırda)</translation>
    </message>
    <message>
        <source>each entry under &apos;nodes:&apos; must be a mapping, not {value}</source>
        <translation>&apos;nodes:&apos; altındaki her kayıt bir eşleme olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;path:&apos; must be a list of labels from the root down</source>
        <translation>&apos;path:&apos; kökten aşağıya doğru sıralanmış bir etiket listesi olmalı</translation>
    </message>
    <message>
        <source>&apos;{key}:&apos; must be true or false, not {value}</source>
        <extracomment>{key} is checked or collapsed</extracomment>
        <translation>&apos;{key}:&apos; true ya da false olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;note:&apos; must be text</source>
        <translation>&apos;note:&apos; metin olmalı</translation>
    </message>
    <message>
        <source>&apos;votes:&apos; must be a whole number</source>
        <translation>&apos;votes:&apos; bir tam sayı olmalı</translation>
    </message>
    <message>
        <source>&apos;voters:&apos; must be a list of names</source>
        <translation>&apos;voters:&apos; bir ad listesi olmalı</translation>
    </message>
    <message>
        <source>&apos;status:&apos; must be a word, not {value}</source>
        <translation>&apos;status:&apos; bir sözcük olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;status: {status}&apos; is not a decision state (one of: {allowed})</source>
        <extracomment>{allowed}: the states a project file may name, as written there (chosen, rejected…)</extracomment>
        <translation>&apos;status: {status}&apos; bir karar durumu değil (olabilecekler: {allowed})</translation>
    </message>
    <message>
        <source>&apos;status: chosen&apos; contradicts &apos;checked: false&apos;</source>
        <translation>&apos;status: chosen&apos; ile &apos;checked: false&apos; çelişiyor</translation>
    </message>
    <message>
        <source>&apos;checked: true&apos; contradicts &apos;status: {status}&apos; (a chosen node is not {decision})</source>
        <extracomment>{decision} is a decision state (see &quot;rejected&quot;, &quot;considering&quot;)</extracomment>
        <translation>&apos;checked: true&apos; ile &apos;status: {status}&apos; çelişiyor (seçilmiş bir düğüm {decision} olamaz)</translation>
    </message>
    <message>
        <source>&apos;by:&apos; must be a name written as text, not {value}</source>
        <translation>&apos;by:&apos; metin olarak yazılmış bir ad olmalı, {value} değil</translation>
    </message>
    <message>
        <source>&apos;date:&apos; must be a day (YYYY-MM-DD), not a time of day</source>
        <translation>&apos;date:&apos; bir saat değil, bir gün olmalı (YYYY-AA-GG)</translation>
    </message>
    <message>
        <source>&apos;date:&apos; names no real day: {date} ({problem})</source>
        <extracomment>{problem} says what is wrong with the day, e.g. &quot;month must be in 1..12&quot;</extracomment>
        <translation>&apos;date:&apos; gerçek bir gün değil: {date} ({problem})</translation>
    </message>
    <message>
        <source>&apos;date:&apos; must be a date written YYYY-MM-DD</source>
        <translation>&apos;date:&apos; YYYY-AA-GG biçiminde yazılmış bir tarih olmalı</translation>
    </message>
    <message>
        <source>&apos;view:&apos; must be a mapping; it is ignored</source>
        <translation>&apos;view:&apos; bir eşleme olmalı; yok sayıldı</translation>
    </message>
    <message>
        <source>&apos;{key}:&apos; in &apos;view:&apos; must be {expected}, not {value}; it is ignored</source>
        <extracomment>{key} is a key of view: (layout, zoom...); {expected} what it must hold</extracomment>
        <translation>&apos;view:&apos; altındaki &apos;{key}:&apos; {expected} olmalı, {value} değil; yok sayıldı</translation>
    </message>
    <message>
        <source>one of {names}</source>
        <translation>{names} değerlerinden biri</translation>
    </message>
    <message>
        <source>a number from {low} to {high}</source>
        <translation>{low} ile {high} arasında bir sayı</translation>
    </message>
    <message>
        <source>two numbers, [x, y]</source>
        <translation>iki sayı, [x, y]</translation>
    </message>
    <message>
        <source>a node&apos;s path, a list of labels</source>
        <translation>bir düğümün yolu, yani bir etiket listesi</translation>
    </message>
    <message>
        <source>the map &apos;{map}&apos; ({location}): {reason}</source>
        <extracomment>the map a project names could not be read: {map} as the project writes it, {location} where that is, {reason} why</extracomment>
        <translation>“{map}” haritası ({location}): {reason}</translation>
    </message>
    <message>
        <source>cannot save: the file is read-only (save it under another name)</source>
        <translation>kaydedilemiyor: dosya salt okunur (başka bir adla kaydedin)</translation>
    </message>
    <message>
        <source>cannot save: {reason}</source>
        <extracomment>{reason} is the system&apos;s</extracomment>
        <translation>kaydedilemiyor: {reason}</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <extracomment>why a file is not written over (its owner&apos;s write permission is off)</extracomment>
        <translation>dosya salt okunur</translation>
    </message>
    <message>
        <source>decides {node} as {decision}, but {other} decided it as {other_decision}: settle it in one of the tallies first</source>
        <extracomment>a tally merged into another decides a node otherwise than one merged before: {node} is the node&apos;s path, {decision} and {other_decision} decision states (see &quot;chosen&quot;, &quot;undecided&quot;), {other} the other tally&apos;s file</extracomment>
        <translation>{node} düğümünü {decision} sayıyor, ama {other} onu {other_decision} saymış: önce sayımlardan birinde bu çelişkiyi giderin</translation>
    </message>
    <message>
        <source>undecided</source>
        <extracomment>a node&apos;s state in a tally that decided nothing about it</extracomment>
        <translation>karar verilmemiş</translation>
    </message>
    <message>
        <source>{path}: the map has no nodes to draw</source>
        <translation>{path}: haritada çizilecek düğüm yok</translation>
    </message>
    <message>
        <source>{path}: cannot write the {what} file: {reason}</source>
        <extracomment>{what} is PNG, SVG or PDF; {reason} the system&apos;s</extracomment>
        <translation>{path}: {what} dosyası yazılamıyor: {reason}</translation>
    </message>
    <message>
        <source>cannot encode the picture as PNG</source>
        <translation>resim PNG olarak kodlanamıyor</translation>
    </message>
    <message>
        <source>{path}: cannot write the PDF file</source>
        <translation>{path}: PDF dosyası yazılamıyor</translation>
    </message>
    <message>
        <source>cannot start the PDF file</source>
        <translation>PDF dosyası başlatılamıyor</translation>
    </message>
    <message>
        <source>cannot add bookmarks to the PDF file: {reason}</source>
        <translation>PDF dosyasına yer imleri eklenemiyor: {reason}</translation>
    </message>
    <message>
        <source>{path}: cannot add bookmarks to the PDF file: {reason}</source>
        <translation>{path}: PDF dosyasına yer imleri eklenemiyor: {reason}</translation>
    </message>
    <message>
        <source>cannot draw the branch&apos;s picture</source>
        <translation>dalın resmi çizilemiyor</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <extracomment>an error as one line: {where} is the file (and :line), {message} what is wrong</extracomment>
        <translation>{where}: {message}</translation>
    </message>
    <message>
        <source>default</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>varsayılan</translation>
    </message>
    <message>
        <source>square</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>kare</translation>
    </message>
    <message>
        <source>rounded</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>yuvarlak köşeli dikdörtgen</translation>
    </message>
    <message>
        <source>circle</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>daire</translation>
    </message>
    <message>
        <source>bang</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>patlama</translation>
    </message>
    <message>
        <source>cloud</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>bulut</translation>
    </message>
    <message>
        <source>hexagon</source>
        <extracomment>a node shape, in &quot;a {shape} node&quot;</extracomment>
        <translation>altıgen</translation>
    </message>
    <message>
        <source>chosen</source>
        <extracomment>a decision state, in &quot;decides it as {decision}&quot; and &quot;a chosen node is not {decision}&quot;</extracomment>
        <translation>seçilmiş</translation>
    </message>
    <message>
        <source>rejected</source>
        <extracomment>a decision state, in &quot;decides it as {decision}&quot; and &quot;a chosen node is not {decision}&quot;</extracomment>
        <translation>reddedilmiş</translation>
    </message>
    <message>
        <source>considering</source>
        <extracomment>a decision state, in &quot;decides it as {decision}&quot; and &quot;a chosen node is not {decision}&quot;</extracomment>
        <translation>değerlendirmede</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Erişim izni yok</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Bu işleme izin verilmiyor</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Böyle bir dosya ya da klasör yok</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Bir klasör değil</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Bu bir klasör</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Dosya zaten var</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Aygıtta boş yer kalmadı</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Disk kotası aşıldı</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Dosya sistemi salt okunur</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Dosya adı çok uzun</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Girdi/çıktı hatası</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>Aygıt ya da kaynak meşgul</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Açık dosya sayısı sınırı aşıldı</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>Sembolik bağlantı düzeyi çok fazla</translation>
    </message>
</context>
<context>
    <name>Mouse</name>
    <message>
        <source>Click a node&apos;s box</source>
        <translation>Düğümün kutusuna tıklayın</translation>
    </message>
    <message>
        <source>Check or uncheck it (a rejected or considered node: choose it)</source>
        <translation>Seçer ya da seçimi kaldırır (reddedilen ya da değerlendirilen bir düğümü seçer)</translation>
    </message>
    <message>
        <source>Right-click a node</source>
        <translation>Düğüme sağ tıklayın</translation>
    </message>
    <message>
        <source>Its menu: state, fold, note</source>
        <translation>Menüsü açılır: durum, daraltma, not</translation>
    </message>
    <message>
        <source>Click a handle, double-click a node</source>
        <translation>Tutamağa tıklayın, düğüme çift tıklayın</translation>
    </message>
    <message>
        <source>Fold or unfold it</source>
        <translation>Daraltır ya da genişletir</translation>
    </message>
    <message>
        <source>Wheel, pinch</source>
        <translation>Tekerlek, iki parmakla sıkıştırma</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Yakınlaştırır, uzaklaştırır</translation>
    </message>
    <message>
        <source>Drag the background, scroll</source>
        <translation>Arka planı sürükleyin, kaydırın</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Görünümü kaydırır</translation>
    </message>
    <message>
        <source>Click or drag in the overview</source>
        <translation>Genel bakışta tıklayın ya da sürükleyin</translation>
    </message>
    <message>
        <source>Move the view there</source>
        <translation>Görünümü oraya taşır</translation>
    </message>
</context>
<context>
    <name>NodeMenu</name>
    <message>
        <source>&amp;Chosen</source>
        <translation>&amp;Seçildi</translation>
    </message>
    <message>
        <source>&amp;Rejected</source>
        <translation>&amp;Reddedildi</translation>
    </message>
    <message>
        <source>C&amp;onsidering</source>
        <translation>&amp;Değerlendiriliyor</translation>
    </message>
    <message>
        <source>&amp;Undecided</source>
        <translation>&amp;Karar Verilmedi</translation>
    </message>
    <message>
        <source>&amp;Unfold</source>
        <translation>&amp;Genişlet</translation>
    </message>
    <message>
        <source>&amp;Fold</source>
        <translation>&amp;Daralt</translation>
    </message>
    <message>
        <source>Edit &amp;Note</source>
        <translation>&amp;Notu Düzenle</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide these warnings</source>
        <translation>Bu uyarıları gizle</translation>
    </message>
    <message>
        <source>The map file has an error; the last good version is shown.</source>
        <translation>Harita dosyasında bir hata var; son sağlam sürüm gösteriliyor.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of {name} read differently by Mermaid.</source>
        <translation>
            <numerusform>{name} dosyasının %n satırını Mermaid farklı okuyor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) of {project} ignored; the rest of the project is open.</source>
        <translation>
            <numerusform>{project} dosyasındaki %n değer yok sayıldı; projenin geri kalanı açık.</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>satır {line}</translation>
    </message>
    <message>
        <source>…and {n} more (karar check lists them all).</source>
        <translation>…ve {n} tane daha (karar check hepsini listeler).</translation>
    </message>
</context>
<context>
    <name>OrphansPanel</name>
    <message>
        <source>Orphaned notes</source>
        <translation>Sahipsiz notlar</translation>
    </message>
    <message>
        <source>same label, moved to another branch</source>
        <extracomment>why a suggestion is proposed (each of core&apos;s reasons), shown translated</extracomment>
        <translation>aynı etiket, başka bir dala taşınmış</translation>
    </message>
    <message>
        <source>label edited</source>
        <translation>etiketi değiştirilmiş</translation>
    </message>
    <message>
        <source>similar label in another branch</source>
        <translation>başka bir dalda benzer etiket</translation>
    </message>
    <message>
        <source>✓ chosen</source>
        <translation>✓ seçildi</translation>
    </message>
    <message>
        <source>folded</source>
        <translation>daraltılmış</translation>
    </message>
    <message>
        <source>(nothing recorded)</source>
        <translation>(kayıtlı bir şey yok)</translation>
    </message>
    <message>
        <source>the root</source>
        <translation>kök</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>en üst düzey</translation>
    </message>
    <message>
        <source>No orphaned notes: every check and note of the project belongs to a node of the map.</source>
        <translation>Sahipsiz not yok: projenin her seçimi ve notu haritadaki bir düğüme ait.</translation>
    </message>
    <message>
        <source>Suggested homes</source>
        <translation>Önerilen yerler</translation>
    </message>
    <message>
        <source>No near match in the map. Select the node it belongs to and re-attach it there.</source>
        <translation>Haritada yakın bir eşleşme yok. Ait olduğu düğümü seçip oraya yeniden bağlayın.</translation>
    </message>
    <message>
        <source>Re-attach to suggestion</source>
        <translation>Öneriye yeniden bağla</translation>
    </message>
    <message>
        <source>Give this entry&apos;s check and notes to the suggested node (undoable)</source>
        <translation>Bu kaydın seçimini ve notlarını önerilen düğüme ver (geri alınabilir)</translation>
    </message>
    <message>
        <source>Re-attach to selected node</source>
        <translation>Seçili düğüme yeniden bağla</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) of the project name nodes the map no longer has. Nothing is lost: re-attach each to the node it meant.</source>
        <translation>
            <numerusform>Projedeki %n kayıt, haritada artık olmayan düğümleri gösteriyor. Hiçbir şey kaybolmadı: her birini ait olduğu düğüme yeniden bağlayın.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n oy</numerusform>
        </translation>
    </message>
    <message>
        <source>{reason} ({percent}% alike)</source>
        <translation>{reason} (%{percent} benzer)</translation>
    </message>
    <message>
        <source>Or select any node in the map and re-attach it there.</source>
        <translation>Ya da haritada herhangi bir düğümü seçip oraya yeniden bağlayın.</translation>
    </message>
    <message>
        <source>Select a node in the map first</source>
        <translation>Önce haritada bir düğüm seçin</translation>
    </message>
    <message>
        <source>Or re-attach it to the node selected in the map: {label}</source>
        <translation>Ya da haritada seçili düğüme yeniden bağlayın: {label}</translation>
    </message>
    <message>
        <source>Give this entry&apos;s check and notes to “{label}”</source>
        <translation>Bu kaydın seçimini ve notlarını “{label}” düğümüne ver</translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message>
        <source>All files</source>
        <translation>Tüm dosyalar</translation>
    </message>
    <message>
        <source>Export Decision Snapshot</source>
        <translation>Karar Özetini Dışa Aktar</translation>
    </message>
    <message>
        <source>&amp;Decisions only: the decided nodes and the branches leading to them</source>
        <translation>Yalnızca &amp;kararlar: karar verilmiş düğümler ve onlara giden dallar</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} yazılamadı: {reason}</translation>
    </message>
    <message>
        <source>Decision snapshot written to {path}</source>
        <translation>Karar özeti {path} dosyasına yazıldı</translation>
    </message>
    <message>
        <source>Export Decision Records</source>
        <translation>Karar Kayıtlarını Dışa Aktar</translation>
    </message>
    <message>
        <source>Could not export the decision records: {reason}</source>
        <translation>Karar kayıtları dışa aktarılamadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n decision record(s)</source>
        <translation>
            <numerusform>%n karar kaydı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n yeni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n güncellendi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n kaldırıldı</numerusform>
        </translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>değişiklik yok</translation>
    </message>
    <message>
        <source>{folder}: {records} ({done})</source>
        <translation>{folder}: {records} ({done})</translation>
    </message>
    <message>
        <source>{path}: not written by Karar, not overwritten</source>
        <translation>{path}: Karar&apos;ın yazdığı bir dosya değil, üzerine yazılmadı</translation>
    </message>
    <message>
        <source>{path}: is a file, not a folder</source>
        <translation>{path}: klasör değil, dosya</translation>
    </message>
    <message>
        <source>{path}: cannot read the folder: {reason}</source>
        <translation>{path}: klasör okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>{path}: cannot create the folder: {reason}</source>
        <translation>{path}: klasör oluşturulamıyor: {reason}</translation>
    </message>
    <message>
        <source>{path}: cannot write: {reason}</source>
        <translation>{path}: yazılamıyor: {reason}</translation>
    </message>
    <message>
        <source>{path}: cannot remove: {reason}</source>
        <translation>{path}: silinemiyor: {reason}</translation>
    </message>
    <message>
        <source>The picture would be {longest} px long; scaled to {limit} px (export SVG or PDF for a sharper picture of a map this size)</source>
        <translation>Resmin uzun kenarı {longest} px olacaktı; {limit} px olacak biçimde küçültüldü (bu büyüklükte bir haritanın daha keskin resmi için SVG ya da PDF olarak dışa aktarın)</translation>
    </message>
    <message>
        <source>Wrote the {width} × {height} px picture as {tiles} ({rows} × {cols}, {first} …)</source>
        <translation>{width} × {height} px boyutundaki resim {tiles} olarak yazıldı ({rows} × {cols}, {first} …)</translation>
    </message>
    <message>
        <source>fitted</source>
        <translation>tek sayfaya sığdırılmış</translation>
    </message>
    <message>
        <source>poster</source>
        <translation>afiş</translation>
    </message>
    <message>
        <source>a page per branch</source>
        <translation>dal başına bir sayfa</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n page(s) ({kind})</source>
        <translation>
            <numerusform>%n sayfa yazıldı ({kind})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s)</source>
        <translation>
            <numerusform>%n parça</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Decision Report</source>
        <translation>Karar Raporunu Dışa Aktar</translation>
    </message>
    <message>
        <source>Could not export the decision report: {reason}</source>
        <translation>Karar raporu dışa aktarılamadı: {reason}</translation>
    </message>
    <message>
        <source>Decision report written to {path}</source>
        <translation>Karar raporu {path} dosyasına yazıldı</translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was printed</source>
        <translation>Yazdırma iptal edildi: hiçbir şey yazdırılmadı</translation>
    </message>
    <message>
        <source>The map was sent to the printer</source>
        <translation>Harita yazıcıya gönderildi</translation>
    </message>
    <message>
        <source>The picture is {width} × {height} px, beyond {limit} px: save as {tiles} tiles?</source>
        <translation>Resim {width} × {height} piksel, {limit} piksel sınırını aşıyor: {tiles} parça olarak kaydedilsin mi?</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Resim Olarak Dışa Aktar</translation>
    </message>
    <message>
        <source>Drawing {name}…</source>
        <translation>{name} çiziliyor…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation>Dışa aktarma iptal edildi: hiçbir şey yazılmadı</translation>
    </message>
    <message>
        <source>Could not export the image: {reason}</source>
        <translation>Resim dışa aktarılamadı: {reason}</translation>
    </message>
    <message>
        <source>Image written to {path}</source>
        <translation>Resim {path} dosyasına yazıldı</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>✓ chosen   ✗ rejected   ? considering</source>
        <translation>✓ seçildi   ✗ reddedildi   ? değerlendiriliyor</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>s. {page}</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Next step</source>
        <extracomment>the least height of a label in the focused branch, on a screen 1080 pixels high a small branch is shown larger, up to this many times the least readable zoom room kept free around what a step shows, in screen pixels a branch is unfolded no deeper than this many levels below it at once</extracomment>
        <translation>Sonraki adım</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Önceki adım</translation>
    </message>
    <message>
        <source>The overview (step 0)</source>
        <translation>Genel bakış (adım 0)</translation>
    </message>
    <message>
        <source>Next node of the branch</source>
        <translation>Dalın sonraki düğümü</translation>
    </message>
    <message>
        <source>Previous node of the branch</source>
        <translation>Dalın önceki düğümü</translation>
    </message>
    <message>
        <source>Fold / unfold the selected node</source>
        <translation>Seçili düğümü daralt / genişlet</translation>
    </message>
    <message>
        <source>Choose the selected node, or undo the choice</source>
        <translation>Seçili düğümü seç ya da seçimi geri al</translation>
    </message>
    <message>
        <source>Reject the selected node</source>
        <translation>Seçili düğümü reddet</translation>
    </message>
    <message>
        <source>Mark it under consideration</source>
        <translation>Değerlendiriliyor olarak işaretle</translation>
    </message>
    <message>
        <source>Clear its decision</source>
        <translation>Kararını temizle</translation>
    </message>
    <message>
        <source>Its note, large (Enter there: type into it)</source>
        <translation>Notu, büyük (orada Enter: nota yaz)</translation>
    </message>
    <message>
        <source>Reveal the votes of this branch (a tally, votes hidden)</source>
        <translation>Bu dalın oylarını açıkla (oyları gizli bir sayımda)</translation>
    </message>
    <message>
        <source>Blank the screen (any key returns)</source>
        <translation>Ekranı karart (herhangi bir tuş geri getirir)</translation>
    </message>
    <message>
        <source>This list of keys</source>
        <translation>Bu tuş listesi</translation>
    </message>
    <message>
        <source>Close what is open, else leave</source>
        <translation>Açık olanı kapat, yoksa sunumdan çık</translation>
    </message>
    <message>
        <source>Leave the presentation</source>
        <translation>Sunumdan çık</translation>
    </message>
    <message>
        <source>Overview</source>
        <extracomment>how many of a step&apos;s sub-branches its card lists</extracomment>
        <translation>Genel bakış</translation>
    </message>
    <message>
        <source>step {step} of {steps}</source>
        <translation>adım {step} / {steps}</translation>
    </message>
    <message>
        <source>{count} decided</source>
        <translation>{count} karar verildi</translation>
    </message>
    <message>
        <source>Presentation keys</source>
        <extracomment>the screen height the presentation&apos;s type sizes are given for</extracomment>
        <translation>Sunum tuşları</translation>
    </message>
    <message>
        <source>Esc closes this list</source>
        <translation>Esc bu listeyi kapatır</translation>
    </message>
    <message>
        <source>Type the note (Markdown); Esc when done</source>
        <translation>Notu yazın (Markdown); bitince Esc</translation>
    </message>
    <message>
        <source>Enter: type into the note  ·  Esc: close</source>
        <translation>Enter: nota yaz  ·  Esc: kapat</translation>
    </message>
    <message>
        <source>Esc: done typing</source>
        <translation>Esc: yazmayı bitir</translation>
    </message>
    <message>
        <source>No note yet.</source>
        <translation>Henüz not yok.</translation>
    </message>
    <message>
        <source>Karar — Presenter</source>
        <translation>Karar — Sunucu Görünümü</translation>
    </message>
    <message>
        <source>Now — step {step} of {steps}</source>
        <translation>Şimdi — adım {step} / {steps}</translation>
    </message>
    <message>
        <source>Next — step {step}</source>
        <translation>Sıradaki — adım {step}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Sıradaki</translation>
    </message>
    <message>
        <source>The end</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Note — {label}</source>
        <translation>Not — {label}</translation>
    </message>
    <message>
        <source>No note.</source>
        <translation>Not yok.</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ve %n tane daha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>light</source>
        <translation>açık</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>koyu</translation>
    </message>
    <message>
        <source>high contrast</source>
        <translation>yüksek karşıtlık</translation>
    </message>
    <message>
        <source>Print Preview — Karar</source>
        <translation>Yazdırma Önizlemesi — Karar</translation>
    </message>
    <message>
        <source>P&amp;ages:</source>
        <extracomment>the user cancelled printing in its progress dialog: nothing was printed</extracomment>
        <translation>&amp;Sayfalar:</translation>
    </message>
    <message>
        <source>Fit on one page</source>
        <translation>Tek sayfaya sığdır</translation>
    </message>
    <message>
        <source>Poster, tiled</source>
        <translation>Afiş, parça parça</translation>
    </message>
    <message>
        <source>A page per branch</source>
        <translation>Dal başına bir sayfa</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>Haritanın tamamı</translation>
    </message>
    <message>
        <source>As folded now</source>
        <translation>Şu an daraltıldığı gibi</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Kararlar</translation>
    </message>
    <message>
        <source>Branch: {title}</source>
        <translation>Dal: {title}</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>&amp;Kapsam:</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Kâğı&amp;t:</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>&amp;Yön:</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dikey</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Yatay</translation>
    </message>
    <message>
        <source>As on screen ({theme})</source>
        <translation>Ekrandaki gibi ({theme})</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;ema:</translation>
    </message>
    <message>
        <source>Light (for paper)</source>
        <translation>Açık (kâğıt için)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Koyu</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Yüksek karşıtlık</translation>
    </message>
    <message>
        <source>Printing {title}…</source>
        <translation>{title} yazdırılıyor…</translation>
    </message>
    <message>
        <source>Drawing the preview of {title}…</source>
        <translation>{title} için önizleme hazırlanıyor…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Yazdır</translation>
    </message>
    <message>
        <source>Could not print: {reason}</source>
        <translation>Yazdırılamadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <extracomment>the print preview&apos;s count of the pages it shows</extracomment>
        <translation>
            <numerusform>%n sayfa</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;İptal</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Son Açılanlar</translation>
    </message>
    <message>
        <source>No recent maps</source>
        <translation>Son açılan harita yok</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Listeyi &amp;Temizle</translation>
    </message>
    <message>
        <source>&amp;Built-in Django Map</source>
        <translation>&amp;Yerleşik Django Haritası</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Undecided</source>
        <translation>Karar verilmedi</translation>
    </message>
    <message>
        <source>✓ Chosen</source>
        <translation>✓ Seçildi</translation>
    </message>
    <message>
        <source>✗ Rejected</source>
        <translation>✗ Reddedildi</translation>
    </message>
    <message>
        <source>? Considering</source>
        <translation>? Değerlendiriliyor</translation>
    </message>
    <message>
        <source>What the team decided about this node</source>
        <extracomment>whether the canvas shows a node&apos;s votes (the window sets it from the canvas)</extracomment>
        <translation>Ekibin bu düğüm için verdiği karar</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Durum:</translation>
    </message>
    <message>
        <source>Who decided (by: in the project file)</source>
        <translation>Kararı kim verdi (proje dosyasında by:)</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>&amp;Karar veren:</translation>
    </message>
    <message>
        <source>When the state last changed (YYYY-MM-DD; empty: not recorded)</source>
        <translation>Durumun son değiştiği gün (YYYY-AA-GG; boş: kaydedilmedi)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Tarih:</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Takvim…</translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation>Tarihi takvimden seç</translation>
    </message>
    <message>
        <source>Who voted for this node in the tally (karar merge)</source>
        <translation>Sayımda bu düğüme kimlerin oy verdiği (karar merge)</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Oylar:</translation>
    </message>
    <message>
        <source>Who decided</source>
        <translation>Kararı veren</translation>
    </message>
    <message>
        <source>{votes} of {count}</source>
        <translation>{count} kişiden {votes}</translation>
    </message>
    <message>
        <source>“{text}” is not a day: write it as YYYY-MM-DD.</source>
        <translation>“{text}” bir gün değil: YYYY-AA-GG biçiminde yazın.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Find in map — case and accents ignored</source>
        <extracomment>above this many matches, folded ancestors hiding a match are not marked (cost) what folds the folds opened for the current match again (None: none opened) the selection before the search moved it (given back when nothing matches)</extracomment>
        <translation>Haritada bul — büyük/küçük harf ve aksanlar önemsenmez</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Önceki eşleşme (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Sonraki eşleşme (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Kapat (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Bul:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Eşleşme yok</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current}/{total}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Karar projects (*.karar.yaml);;All files (*)</source>
        <translation>Karar projeleri (*.karar.yaml);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>“{name}” is open in another window: {holder}.</source>
        <translation>“{name}” başka bir pencerede açık: {holder}.</translation>
    </message>
    <message>
        <source>Open it read-only to look (you can save your changes under another name), or take it over: the other window can then no longer save over it.</source>
        <translation>Bakmak için salt okunur açın (değişikliklerinizi başka bir adla kaydedebilirsiniz) ya da devralın: öbür pencere artık bu dosyanın üzerine kaydedemez.</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Salt Okunur Aç</translation>
    </message>
    <message>
        <source>&amp;Take Over</source>
        <translation>&amp;Devral</translation>
    </message>
    <message>
        <source>{name} is not watched for changes: its name is not valid UTF-8, which Qt cannot follow (reload it with Ctrl+R)</source>
        <translation>{name} değişikliklere karşı izlenmiyor: adı geçerli UTF-8 değil, Qt onu izleyemiyor (Ctrl+R ile yeniden yükleyin)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Projeyi Kaydet</translation>
    </message>
    <message>
        <source>Another window took “{name}” over since you opened it.</source>
        <translation>Siz açtıktan sonra başka bir pencere “{name}” dosyasını devraldı.</translation>
    </message>
    <message>
        <source>“{name}” was changed on disk since you opened it.</source>
        <translation>“{name}” siz açtıktan sonra diskte değiştirildi.</translation>
    </message>
    <message>
        <source>Saving now writes over what is in the file. Reload it to see those changes (yours are lost), or save yours under another name.</source>
        <translation>Şimdi kaydetmek dosyadakinin üzerine yazar. O değişiklikleri görmek için yeniden yükleyin (sizinkiler kaybolur) ya da sizinkileri başka bir adla kaydedin.</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Üzerine &amp;Yaz</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı Kaydet…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Yeniden Yük&amp;le</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before closing?</source>
        <translation>Kapatmadan önce “{name}” projesindeki değişiklikler kaydedilsin mi?</translation>
    </message>
    <message>
        <source>Your checks and notes will be lost if you don&apos;t save them.</source>
        <translation>Kaydetmezseniz seçimleriniz ve notlarınız kaybolacak.</translation>
    </message>
    <message>
        <source>Could not write the recovery copy: {reason}</source>
        <translation>Kurtarma kopyası yazılamadı: {reason}</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>adsız bir proje</translation>
    </message>
    <message>
        <source>Restore Unsaved Work — Karar</source>
        <translation>Kaydedilmemiş Çalışmayı Geri Yükle — Karar</translation>
    </message>
    <message>
        <source>Karar closed without saving {name}.</source>
        <translation>Karar kapanırken {name} kaydedilmemişti.</translation>
    </message>
    <message>
        <source>A recovery copy from {saved} holds the unsaved checks and notes. Restore it?</source>
        <translation>{saved} tarihli bir kurtarma kopyasında kaydedilmemiş seçimler ve notlar var. Geri yüklensin mi?</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>daha önceki</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Geri Yükle</translation>
    </message>
    <message>
        <source>{app} (process {pid} on this computer)</source>
        <translation>{app} (bu bilgisayarda, {pid} numaralı süreç)</translation>
    </message>
    <message>
        <source>{app} (process {pid} on {host})</source>
        <translation>{app} ({host} üzerinde, {pid} numaralı süreç)</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>No map — open one with Ctrl+O or drop a file here</source>
        <translation>Harita yok — Ctrl+O ile bir harita açın ya da buraya bir dosya bırakın</translation>
    </message>
    <message>
        <source>Decisions only</source>
        <translation>Yalnızca kararlar</translation>
    </message>
    <message>
        <source>Open questions only</source>
        <translation>Yalnızca açık sorular</translation>
    </message>
    <message>
        <source>Rejected hidden</source>
        <translation>Reddedilenler gizli</translation>
    </message>
    <message>
        <source>Agreed by all</source>
        <translation>Oy birliği</translation>
    </message>
    <message>
        <source>Split votes</source>
        <translation>Bölünen oylar</translation>
    </message>
    <message>
        <source>Nobody voted</source>
        <translation>Oy almayanlar</translation>
    </message>
    <message>
        <source>{n} chosen</source>
        <translation>{n} seçildi</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>{n} reddedildi</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} açık</translation>
    </message>
    <message>
        <source>{title}: {shown} of {count} nodes · {decided}</source>
        <translation>{title}: {count} düğümden {shown} tanesi · {decided}</translation>
    </message>
    <message>
        <source>{count} nodes · {shown} shown · {folded} folded · {decided}</source>
        <translation>{count} düğüm · {shown} görünür · {folded} daraltılmış · {decided}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>%{percent}</translation>
    </message>
    <message>
        <source> — line {line}</source>
        <translation> — satır {line}</translation>
    </message>
</context>
<context>
    <name>UndoStep</name>
    <message>
        <source>Edit Note of “{label}”</source>
        <translation>“{label}” notunun düzenlenmesi</translation>
    </message>
    <message>
        <source>Check “{label}”</source>
        <translation>“{label}” seçimi</translation>
    </message>
    <message>
        <source>Reject “{label}”</source>
        <translation>“{label}” reddi</translation>
    </message>
    <message>
        <source>Consider “{label}”</source>
        <translation>“{label}” değerlendirmeye alınması</translation>
    </message>
    <message>
        <source>Clear Decision of “{label}”</source>
        <translation>“{label}” kararının temizlenmesi</translation>
    </message>
    <message>
        <source>Fold</source>
        <extracomment>counts every change (a keystroke in a note too, though typing merges into one undo step): what the recovery copy follows</extracomment>
        <translation>Daraltma</translation>
    </message>
    <message>
        <source>Fold “{label}”</source>
        <translation>“{label}” daraltması</translation>
    </message>
    <message>
        <source>Unfold “{label}”</source>
        <translation>“{label}” genişletmesi</translation>
    </message>
    <message>
        <source>Fold All</source>
        <translation>Tümünü daraltma</translation>
    </message>
    <message>
        <source>Unfold All</source>
        <translation>Tümünü genişletme</translation>
    </message>
    <message>
        <source>Uncheck “{label}”</source>
        <translation>“{label}” seçiminin kaldırılması</translation>
    </message>
    <message>
        <source>Edit Decision of “{label}”</source>
        <translation>“{label}” kararının düzenlenmesi</translation>
    </message>
    <message>
        <source>Re-attach Note to “{label}”</source>
        <translation>Notun “{label}” düğümüne yeniden bağlanması</translation>
    </message>
    <message>
        <source>Present</source>
        <extracomment>the laptop&apos;s window where there are two screens (None otherwise)</extracomment>
        <translation>Sunum</translation>
    </message>
</context>
</TS>
