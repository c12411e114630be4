import { useParams } from "@tanstack/react-router";
import { DocumentView } from "./DocumentView";

export function DocumentScreen() {
  const { id } = useParams({ from: "/signed-in/documents/$id" });
  return (
    <main className="page doc-page" id="main">
      <DocumentView key={id} id={Number(id)} headingLevel={1} />
    </main>
  );
}
