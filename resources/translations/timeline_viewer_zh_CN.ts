<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>The language changes when Timeline Viewer starts again.</source>
        <translation>重新启动时间线查看器后，界面语言才会改变。</translation>
    </message>
    <message>
        <source>Open timelines</source>
        <translation>打开时间线</translation>
    </message>
    <message>
        <source>Timelines (*.csv *.tsv *.txt *.json *.jsonl *.timeline);;All files (*)</source>
        <translation>时间线文件 (*.csv *.tsv *.txt *.json *.jsonl *.timeline);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已载入 %1</translation>
    </message>
    <message>
        <source>The dates in this file read the same as day/month and month/day. They are shown month first; choose the order if that is wrong.</source>
        <translation>此文件中的日期按“日/月”或“月/日”读来都说得通。目前按“月在前”显示；如有误，请选择正确的顺序。</translation>
    </message>
    <message>
        <source>%1 events from %2 file(s)</source>
        <translation>%1 个事件，来自 %2 个文件</translation>
    </message>
    <message>
        <source>A font is missing</source>
        <translation>缺少字体</translation>
    </message>
    <message>
        <source>Some events are written in Chinese, Japanese or Korean, but no installed font can show those characters. Install a CJK font (on Debian or Ubuntu: sudo apt-get install fonts-noto-cjk) and restart Timeline Viewer.</source>
        <translation>部分事件使用中文、日文或韩文书写，但系统中没有能显示这些字符的字体。请安装中日韩字体（Debian 或 Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动时间线查看器。</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>About Timeline Viewer</source>
        <translation>关于时间线查看器</translation>
    </message>
    <message>
        <source>Timeline Viewer %1
A fast, zoomable timeline of dated events.</source>
        <translation>时间线查看器 %1
快速、可缩放的事件时间线。</translation>
    </message>
</context>
<context>
    <name>DateRangeFilter</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any date, e.g. 2026-04-01 or 44 BC</source>
        <translation>任意日期，如 2026-04-01 或 公元前44年</translation>
    </message>
    <message>
        <source>%1 date</source>
        <translation>%1日期</translation>
    </message>
    <message>
        <source>Show all dates</source>
        <translation>显示全部日期</translation>
    </message>
    <message>
        <source>Not a date: %1</source>
        <translation>不是日期：%1</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Click an event to read it.</source>
        <translation>点击事件即可阅读。</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy event</source>
        <translation>复制事件</translation>
    </message>
    <message>
        <source>Copy the whole event as plain text</source>
        <translation>以纯文本复制整个事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>约略</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong: %1. Your loaded files are unchanged.</source>
        <translation>出错了：%1。已载入的文件未受影响。</translation>
    </message>
    <message>
        <source>Timeline Viewer</source>
        <translation>时间线查看器</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>EventTablePanel</name>
    <message>
        <source>Event table</source>
        <translation>事件表</translation>
    </message>
    <message>
        <source>Event count</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>The events that pass the filters; click a column header to sort.</source>
        <translation>通过筛选的事件；点击列标题可排序。</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%2 个事件中的 %1 个</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <source>%2 events</source>
        <translation>%2 个事件</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl);;TimelineJS JSON (*.timelinejs.json);;Timesketch CSV (*.timesketch.csv)</translation>
    </message>
    <message>
        <source>%1 is a loaded file; it was not overwritten.</source>
        <translation>%1 是已载入的文件，未被覆盖。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>ExportImageDialog</name>
    <message>
        <source>Export Image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>What is visible</source>
        <translation>当前可见部分</translation>
    </message>
    <message>
        <source>The whole timeline</source>
        <translation>整条时间线</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>从……到……</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any date, e.g. 2026-04-01</source>
        <translation>任意日期，如 2026-04-01</translation>
    </message>
    <message>
        <source>Scale (PNG)</source>
        <translation>缩放（PNG）</translation>
    </message>
    <message>
        <source>Fit the picture</source>
        <translation>适应图片</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Add the selected event&apos;s excerpt as a caption</source>
        <translation>添加所选事件的摘要作为图注</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Page (PDF)</source>
        <translation>页面（PDF）</translation>
    </message>
    <message>
        <source>Not a date: %1</source>
        <translation>不是日期：%1</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>LaneLegend</name>
    <message>
        <source>Lanes</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Timeline Viewer</source>
        <translation>时间线查看器</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在载入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <source>Loading %1 file(s)…</source>
        <translation>正在载入 %1 个文件……</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Choose the columns of %1</source>
        <translation>选择 %1 的列</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Date (start)</source>
        <translation>日期（开始）</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Day first (27/04/2026)</source>
        <translation>日在前（27/04/2026）</translation>
    </message>
    <message>
        <source>Month first (04/27/2026)</source>
        <translation>月在前（04/27/2026）</translation>
    </message>
    <message>
        <source>Order of day and month</source>
        <translation>日与月的顺序</translation>
    </message>
</context>
<context>
    <name>OverviewPlot</name>
    <message>
        <source>Overview of the whole timeline</source>
        <translation>整条时间线的概览</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>File / row</source>
        <translation>文件 / 行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 rows skipped in %2</source>
        <translation>%2 中跳过了 %1 行</translation>
    </message>
    <message>
        <source>%1 warnings in %2</source>
        <translation>%2 中有 %1 条警告</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>… and %1 more (timeline-viewer inspect lists them all)</source>
        <translation>……另有 %1 条（timeline-viewer inspect 可列出全部）</translation>
    </message>
    <message>
        <source>No problems with the loaded files.</source>
        <translation>已载入的文件没有问题。</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search titles and excerpts (Ctrl+F)</source>
        <translation>搜索标题和摘要（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Loaded files</source>
        <translation>已载入的文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>%1 — %2 events</source>
        <translation>%1 — %2 个事件</translation>
    </message>
    <message>
        <source> · %1 problems</source>
        <translation> · %1 个问题</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Time span shown</source>
        <translation>显示的时间范围</translation>
    </message>
    <message>
        <source>(no lane)</source>
        <translation>（无分类）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)……</translation>
    </message>
    <message>
        <source>&amp;Reload All</source>
        <translation>全部重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>导出图片(&amp;I)……</translation>
    </message>
    <message>
        <source>Export &amp;Events…</source>
        <translation>导出事件(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)……</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>显示全部(&amp;F)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Event</source>
        <translation>上一个事件(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Event</source>
        <translation>下一个事件(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Live Reload</source>
        <translation>实时重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Timeline Viewer</source>
        <translation>关于时间线查看器(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>放大 / 缩小</translation>
    </message>
    <message>
        <source>Fit all events</source>
        <translation>显示全部事件</translation>
    </message>
    <message>
        <source>Previous / next event</source>
        <translation>上一个 / 下一个事件</translation>
    </message>
    <message>
        <source>First / last event</source>
        <translation>第一个 / 最后一个事件</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滚轮</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Right-drag or Shift+drag</source>
        <translation>右键拖动或 Shift+拖动</translation>
    </message>
    <message>
        <source>Zoom to the span</source>
        <translation>缩放到所选范围</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Next / previous search match (in the search field)</source>
        <translation>下一个 / 上一个搜索匹配（在搜索框中）</translation>
    </message>
</context>
</TS>
