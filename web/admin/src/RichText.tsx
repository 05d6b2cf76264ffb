/**
 * The rich-text editor (Tiptap), configured with only what Portal's HtmlSanitizer allow-list keeps
 * (Portal.Api/Infrastructure/HtmlContent.cs): paragraphs, h2–h4 (no h1: the page title is the h1), lists, quotes,
 * bold/italic/underline/strike, inline code, links and images with http(s) or site-relative addresses, line breaks and
 * rules. No classes, styles, targets or code-block language classes are produced, since the server would strip them.
 */
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { useEffect } from "react";

/** What the server keeps in a link or image address: http, https, or a path on the portal itself. */
export const allowedUrl = (url: string) => /^https?:\/\//i.test(url) || (url.startsWith("/") && !url.startsWith("//"));

interface RichTextProps {
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  /** Uploads an image and returns its URL; the editor asks for its alt text. */
  uploadImage?: (file: File) => Promise<string>;
}

export function RichText({ id, label, value, onChange, uploadImage }: RichTextProps) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          HTMLAttributes: { target: null, rel: null, class: null },
          isAllowedUri: (url) => allowedUrl(url),
        },
      }),
      Image.configure({ allowBase64: false, HTMLAttributes: { class: null } }),
    ],
    content: value,
    editorProps: {
      attributes: { id, role: "textbox", "aria-multiline": "true", "aria-label": label, class: "prose" },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
    immediatelyRender: true,
  });

  // Content replaced from outside (loading, taking the other version in a conflict).
  useEffect(() => {
    if (editor && editor.getHTML() !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      underline: e?.isActive("underline") ?? false,
      h2: e?.isActive("heading", { level: 2 }) ?? false,
      h3: e?.isActive("heading", { level: 3 }) ?? false,
      bullet: e?.isActive("bulletList") ?? false,
      ordered: e?.isActive("orderedList") ?? false,
      quote: e?.isActive("blockquote") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const button = (text: string, title: string, pressed: boolean | undefined, action: () => void) => (
    <button type="button" title={title} aria-pressed={pressed} onClick={action}>
      {text}
    </button>
  );
  const setLink = () => {
    const url = window.prompt("Địa chỉ liên kết (http:// hoặc https://)", editor.getAttributes("link").href ?? "https://");
    if (url === null) return;
    if (url === "") return void chain().unsetLink().run();
    if (!allowedUrl(url)) return void window.alert("Chỉ nhận liên kết http://, https:// hoặc đường dẫn trong cổng.");
    chain().extendMarkRange("link").setLink({ href: url }).run();
  };
  const addImage = async (file: File | undefined) => {
    if (!file || !uploadImage) return;
    const alt = window.prompt("Mô tả ảnh (alt) cho người không xem được ảnh", "");
    if (!alt) return void window.alert("Cần mô tả ảnh (alt) để chèn ảnh.");
    const src = await uploadImage(file);
    chain().setImage({ src, alt }).run();
  };
  return (
    <div className="richtext">
      <div className="toolbar" role="toolbar" aria-label="Định dạng">
        {button("B", "Đậm", state?.bold, () => chain().toggleBold().run())}
        {button("I", "Nghiêng", state?.italic, () => chain().toggleItalic().run())}
        {button("U", "Gạch chân", state?.underline, () => chain().toggleUnderline().run())}
        {button("H2", "Tiêu đề mục", state?.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {button("H3", "Tiêu đề nhỏ", state?.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {button("•", "Danh sách", state?.bullet, () => chain().toggleBulletList().run())}
        {button("1.", "Danh sách số", state?.ordered, () => chain().toggleOrderedList().run())}
        {button("❝", "Trích dẫn", state?.quote, () => chain().toggleBlockquote().run())}
        {button("🔗", "Liên kết", state?.link, setLink)}
        {uploadImage && (
          <label className="button">
            Ảnh
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif"
              className="visually-hidden"
              onChange={(e) => void addImage(e.target.files?.[0])}
            />
          </label>
        )}
        {button("↶", "Hoàn tác", undefined, () => chain().undo().run())}
        {button("↷", "Làm lại", undefined, () => chain().redo().run())}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
