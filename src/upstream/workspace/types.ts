/** Workspace wire types (`GET /v2/{project_id}/images`, ListImages), per docs/huawei-cloud-apis.md §A5. */

export type WorkspaceImageType = 'gold' | 'private';

export interface ListProductImagesQuery {
  os_type?: string;
  image_type?: WorkspaceImageType;
  platform?: string;
  architecture?: string;
  package_type?: string;
  image_id?: string;
  /** 0–100, default 100. */
  limit?: number;
  offset?: number;
  sort_field?: 'name' | 'created_at';
  sort_type?: 'asc' | 'desc';
}

export interface WorkspaceImageInfo {
  id: string;
  image_type: WorkspaceImageType;
  os_type: 'Linux' | 'Windows' | 'Other';
  architecture: 'arm' | 'x86';
  os_version: string;
  disk_format: 'vhd' | 'raw' | 'qcow2' | 'zvhd2';
  name: string;
  min_ram: number;
  min_disk: number;
  product_code: string;
  created_at: string;
  kms_id: string;
}

export interface ListProductImagesResponse {
  images: WorkspaceImageInfo[];
  total_count: number;
}
